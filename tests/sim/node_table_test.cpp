#include "sim/serving/node_table.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace edgefleet::sim::serving {
namespace {

using core::Tier;

// fog 0: edges 0, 1; fog 1: edge 2. Devices 0, 1 on edge 0, device 2 on edge 1, device 3 on
// edge 2. Two cloud hosts. Every uplink has a distinct power-of-two latency, so a sum names
// exactly the links it crossed, and a distinct bandwidth, so the bottleneck names one link.
Fleet small_fleet() {
  Fleet f;
  auto fill = [](TierHosts& h, std::vector<double> latency, std::vector<double> bandwidth) {
    h.host.assign(latency.size(), nullptr);
    h.uplink_latency_s = std::move(latency);
    h.uplink_bandwidth_bps = std::move(bandwidth);
  };
  fill(f.device, {1, 2, 4, 8}, {100, 101, 102, 103});
  fill(f.edge, {16, 32, 64}, {200, 201, 50});
  fill(f.fog, {128, 256}, {300, 301});
  fill(f.cloud, {512, 1024}, {400, 401});
  f.device_edge = {0, 0, 1, 2};
  f.edge_fog = {0, 0, 1};
  return f;
}

struct Case {
  Tier ta;
  int a;
  Tier tb;
  int b;
  double latency;
  double bottleneck;
  std::array<std::uint8_t, 3> crossed;
};

TEST(NodeTable, RouteSumsTheUplinksBelowTheCommonAncestor) {
  const Fleet fleet = small_fleet();
  const NodeTable t(fleet);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Case cases[] = {
      {Tier::kDevice, 0, Tier::kDevice, 0, 0, kInf, {0, 0, 0}},         // itself
      {Tier::kDevice, 0, Tier::kEdge, 0, 1, 100, {1, 0, 0}},            // its own edge
      {Tier::kDevice, 0, Tier::kDevice, 1, 1 + 2, 100, {2, 0, 0}},      // same edge
      {Tier::kDevice, 0, Tier::kEdge, 1, 1 + 16 + 32, 100, {1, 2, 0}},  // sibling edge
      {Tier::kDevice, 2, Tier::kFog, 0, 4 + 32, 102, {1, 1, 0}},        // its fog
      {Tier::kDevice, 0, Tier::kFog, 1, 1 + 16 + 128 + 256, 100, {1, 1, 2}},
      {Tier::kDevice, 0, Tier::kCloud, 1, 1 + 16 + 128 + 1024, 100, {1, 1, 1}},
      {Tier::kDevice, 3, Tier::kDevice, 0, 8 + 64 + 256 + 1 + 16 + 128, 50, {2, 2, 2}},
      {Tier::kEdge, 2, Tier::kCloud, 0, 64 + 256 + 512, 50, {0, 1, 1}},
      {Tier::kCloud, 0, Tier::kCloud, 1, 512 + 1024, 400, {0, 0, 0}},  // datacenter links only
  };
  for (const Case& c : cases) {
    const NodeId a = t.id(c.ta, c.a), b = t.id(c.tb, c.b);
    for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
      const RouteFigures r = t.route(from, to);
      EXPECT_EQ(r.latency_s, c.latency) << from << " -> " << to;
      EXPECT_EQ(r.bottleneck_bps, c.bottleneck) << from << " -> " << to;
      EXPECT_EQ(r.crossed, c.crossed) << from << " -> " << to;
      EXPECT_EQ(t.links_crossed(from, to), c.crossed);
    }
  }
}

TEST(NodeTable, IdsAreCloudFirstThenFogEdgeDevice) {
  const Fleet fleet = small_fleet();
  const NodeTable t(fleet);
  EXPECT_EQ(t.size(), 2 + 2 + 3 + 4);
  EXPECT_EQ(t.id(Tier::kCloud, 0), 0);
  EXPECT_EQ(t.id(Tier::kDevice, 3), 10);
  EXPECT_EQ(t.tier(t.id(Tier::kEdge, 2)), Tier::kEdge);
  EXPECT_EQ(t.index(t.id(Tier::kFog, 1)), 1);
}

}  // namespace
}  // namespace edgefleet::sim::serving
