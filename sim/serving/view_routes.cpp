#include "sim/serving/view_routes.hpp"

#include <algorithm>
#include <limits>

namespace edgefleet::sim::serving {

using core::Tier;

namespace {

constexpr double kNoLimit = std::numeric_limits<double>::infinity();
constexpr int kEdgeLevel = static_cast<int>(Tier::kEdge);
constexpr int kFogLevel = static_cast<int>(Tier::kFog);
constexpr int kCloudLevel = static_cast<int>(Tier::kCloud);

}  // namespace

ViewRoutes::Shared ViewRoutes::shared(NodeId n, int level, double latency_s,
                                      double bandwidth_bps) const {
  return {n, static_cast<std::int8_t>(level), static_cast<std::int8_t>(nodes_.tier(n)), latency_s,
          bandwidth_bps};
}

ViewRoutes::ViewRoutes(const Fleet& fleet, const NodeTable& nodes) : fleet_(fleet), nodes_(nodes) {
  const auto edges = static_cast<std::int32_t>(fleet.edge.size());
  first_shared_.reserve(static_cast<std::size_t>(edges) + 1);
  for (std::int32_t e = 0; e < edges; ++e) {
    first_shared_.push_back(static_cast<std::int32_t>(shared_.size()));
    shared_.push_back(shared(nodes.id(Tier::kEdge, e), kEdgeLevel, 0.0, kNoLimit));
    const std::int32_t fog = fleet.edge_fog[e];
    const std::int32_t first = fleet.fog_first_edge[fog];
    const std::int32_t siblings = fleet.fog_edge_count[fog];
    for (int k = 1; k < siblings && k <= kMaxSiblingEdges; ++k) {
      const std::int32_t s = first + (e - first + k) % siblings;
      // A sibling's route climbs its own uplink to the fog (NodeTable::route's second climb).
      shared_.push_back(shared(nodes.id(Tier::kEdge, s), kFogLevel, fleet.edge.uplink_latency_s[s],
                               fleet.edge.uplink_bandwidth_bps[s]));
    }
    shared_.push_back(shared(nodes.id(Tier::kFog, fog), kFogLevel, 0.0, kNoLimit));
  }
  first_shared_.push_back(static_cast<std::int32_t>(shared_.size()));
}

void ViewRoutes::view_of(NodeId device, View& out) const {
  const std::int64_t d = nodes_.index(device);
  const std::int32_t e = fleet_.device_edge[d];
  const std::int32_t f = fleet_.edge_fog[e];
  // The device's end of every route, up to each meeting level, summed as NodeTable::route climbs.
  std::array<double, 4> latency_s{};
  std::array<double, 4> bottleneck_bps{};
  latency_s[kEdgeLevel] = 0.0 + fleet_.device.uplink_latency_s[d];
  bottleneck_bps[kEdgeLevel] = std::min(kNoLimit, fleet_.device.uplink_bandwidth_bps[d]);
  latency_s[kFogLevel] = latency_s[kEdgeLevel] + fleet_.edge.uplink_latency_s[e];
  bottleneck_bps[kFogLevel] =
      std::min(bottleneck_bps[kEdgeLevel], fleet_.edge.uplink_bandwidth_bps[e]);
  latency_s[kCloudLevel] = latency_s[kFogLevel] + fleet_.fog.uplink_latency_s[f];
  bottleneck_bps[kCloudLevel] =
      std::min(bottleneck_bps[kFogLevel], fleet_.fog.uplink_bandwidth_bps[f]);

  const auto add = [&](const Shared& s) {
    ViewNode& v = out.nodes[out.count++];
    v.id = s.id;
    v.route.latency_s = latency_s[s.level] + s.side_latency_s;  // + 0 is exact for edge and fog
    v.route.bottleneck_bps = std::min(bottleneck_bps[s.level], s.side_bandwidth_bps);
    v.route.crossed = {};
    for (int k = 0; k < s.level; ++k) ++v.route.crossed[k];
    for (int k = s.tier; k < s.level; ++k) ++v.route.crossed[k];
  };

  out.count = 0;
  out.nodes[out.count++] = {device, {0.0, kNoLimit, {}}};
  out.home_edge = out.count;
  const std::int32_t end = first_shared_[e + 1];
  for (std::int32_t i = first_shared_[e]; i < end; ++i) add(shared_[i]);
  out.home_fog = out.count - 1;
  const std::int64_t clouds = nodes_.count(Tier::kCloud);
  out.first_cloud = clouds > 0 ? out.count : -1;
  for (std::int64_t k = 0; k < std::min<std::int64_t>(clouds, kMaxCloudHosts); ++k) {
    const std::int64_t c = (d + k) % clouds;
    add(shared(nodes_.id(Tier::kCloud, c), kCloudLevel, fleet_.cloud.uplink_latency_s[c],
               fleet_.cloud.uplink_bandwidth_bps[c]));
  }
}

}  // namespace edgefleet::sim::serving
