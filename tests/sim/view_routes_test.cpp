#include "sim/serving/view_routes.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

namespace edgefleet::sim::serving {
namespace {

using core::Tier;

// Fogs with 1, 4 and 12 edges (12 > 8 siblings: the window is cut), 3 devices per edge, and
// `clouds` cloud hosts. Latencies and bandwidths are drawn, not round, so that any change in the
// order of the floating-point sums would show as a differing bit.
Fleet drawn_fleet(int clouds) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> latency(1e-4, 3e-2);
  std::uniform_real_distribution<double> bandwidth(1e6, 1e10);
  Fleet f;
  auto fill = [&](TierHosts& h, std::size_t n) {
    h.host.assign(n, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
      h.uplink_latency_s.push_back(latency(rng));
      h.uplink_bandwidth_bps.push_back(bandwidth(rng));
    }
  };
  const std::vector<std::int32_t> edges_per_fog = {1, 4, 12};
  for (std::int32_t fog = 0; fog < 3; ++fog) {
    f.fog_first_edge.push_back(static_cast<std::int32_t>(f.edge_fog.size()));
    f.fog_edge_count.push_back(edges_per_fog[fog]);
    for (int e = 0; e < edges_per_fog[fog]; ++e) f.edge_fog.push_back(fog);
  }
  for (std::int32_t e = 0; e < static_cast<std::int32_t>(f.edge_fog.size()); ++e) {
    for (int k = 0; k < 3; ++k) f.device_edge.push_back(e);
  }
  fill(f.device, f.device_edge.size());
  fill(f.edge, f.edge_fog.size());
  fill(f.fog, 3);
  fill(f.cloud, static_cast<std::size_t>(clouds));
  return f;
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

void expect_views_match_route(int clouds) {
  const Fleet fleet = drawn_fleet(clouds);
  const NodeTable nodes(fleet);
  const ViewRoutes routes(fleet, nodes);
  ViewRoutes::View view;
  for (std::int64_t d = 0; d < nodes.count(Tier::kDevice); ++d) {
    const NodeId device = nodes.id(Tier::kDevice, d);
    routes.view_of(device, view);
    const std::int32_t edge = fleet.device_edge[d];
    const std::int32_t fog = fleet.edge_fog[edge];
    const std::int32_t first = fleet.fog_first_edge[fog];
    const std::int32_t siblings = std::min(fleet.fog_edge_count[fog] - 1, 8);

    // The order the policy view documents: device, edge, siblings rotated from the edge, fog,
    // clouds rotated by device.
    std::vector<NodeId> expected = {device, nodes.id(Tier::kEdge, edge)};
    for (int k = 1; k <= siblings; ++k) {
      expected.push_back(
          nodes.id(Tier::kEdge, first + (edge - first + k) % fleet.fog_edge_count[fog]));
    }
    expected.push_back(nodes.id(Tier::kFog, fog));
    for (int k = 0; k < std::min(clouds, 8); ++k) {
      expected.push_back(nodes.id(Tier::kCloud, (d + k) % clouds));
    }
    ASSERT_EQ(view.count, static_cast<int>(expected.size())) << "device " << d;
    EXPECT_EQ(view.home_edge, 1);
    EXPECT_EQ(view.home_fog, 2 + siblings);
    EXPECT_EQ(view.first_cloud, clouds > 0 ? 3 + siblings : -1);
    for (int i = 0; i < view.count; ++i) {
      const ViewNode& v = view.nodes[i];
      EXPECT_EQ(v.id, expected[i]) << "device " << d << " node " << i;
      const RouteFigures r = nodes.route(device, v.id);
      EXPECT_TRUE(same_bits(v.route.latency_s, r.latency_s)) << "device " << d << " node " << i;
      EXPECT_TRUE(same_bits(v.route.bottleneck_bps, r.bottleneck_bps))
          << "device " << d << " node " << i;
      EXPECT_EQ(v.route.crossed, r.crossed) << "device " << d << " node " << i;
    }
  }
}

TEST(ViewRoutes, FiguresAreBitIdenticalToNodeTableRoute) {
  expect_views_match_route(3);
}

TEST(ViewRoutes, CloudWindowIsCutAtEightAndRotatesByDevice) {
  expect_views_match_route(11);
}

TEST(ViewRoutes, FleetWithoutCloudHasNoCloudNodes) {
  expect_views_match_route(0);
}

}  // namespace
}  // namespace edgefleet::sim::serving
