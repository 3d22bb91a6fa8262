#pragma once
// One id space over all hosts of the fleet for serving: [cloud | fog | edge | device].
#include <array>
#include <cstdint>

#include "core/tier.hpp"
#include "sim/fleet.hpp"
#include "sim/serving/request.hpp"

namespace edgefleet::sim::serving {

// Link classes a transfer can cross, in tier order.
enum class LinkClassId : std::uint8_t { kDeviceEdge = 0, kEdgeFog = 1, kFogCloud = 2 };
inline constexpr std::array<const char*, 3> kLinkClassNames = {"device_edge", "edge_fog",
                                                               "fog_cloud"};

// What a policy may know of the path between two nodes, from the scenario's link figures.
struct RouteFigures {
  double latency_s = 0;       // one-way, sum of the links' latencies (no queueing)
  double bottleneck_bps = 0;  // the slowest link's bandwidth (infinity for a node to itself)
  std::array<std::uint8_t, 3> crossed{};  // as links_crossed()
};

class NodeTable {
 public:
  explicit NodeTable(const Fleet& fleet);

  NodeId id(core::Tier t, std::int64_t index) const { return first_[static_cast<int>(t)] + index; }
  core::Tier tier(NodeId n) const;
  std::int64_t index(NodeId n) const { return n - first_[static_cast<int>(tier(n))]; }
  std::int64_t size() const { return total_; }
  std::int64_t count(core::Tier t) const { return count_[static_cast<int>(t)]; }
  simgrid::s4u::Host* host(NodeId n) const;
  double speed_flops(NodeId n) const;
  int cores(NodeId n) const;
  double memory_bytes(NodeId n) const;

  // Link classes crossed by a transfer between a and b, as a bit set over LinkClassId, each hop
  // counted once per direction crossed (a device->sibling-edge path crosses edge_fog twice).
  std::array<std::uint8_t, 3> links_crossed(NodeId a, NodeId b) const;
  // One-way latency, bottleneck bandwidth and link classes crossed between a and b, from the
  // scenario's link figures (what a policy may know of the topology; queueing is not included).
  RouteFigures route(NodeId a, NodeId b) const;

 private:
  int common_level(NodeId a, NodeId b) const;
  std::array<std::uint8_t, 3> crossed_below(NodeId a, NodeId b, int common) const;
  const Fleet& fleet_;
  std::array<std::int64_t, 4> first_{};
  std::array<std::int64_t, 4> count_{};
  std::int64_t total_ = 0;
  const TierHosts& hosts(core::Tier t) const { return fleet_.tier(t); }
};

}  // namespace edgefleet::sim::serving
