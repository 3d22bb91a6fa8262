#pragma once
// Hand-made fleet views for policy tests: device, home edge, a sibling edge, fog, two clouds.
#include <vector>

#include "scheduler/fleet_view.hpp"

namespace edgefleet::scheduler::testing {

inline NodeView node(core::Tier tier, double speed_flops, double flops, double accuracy,
                     double latency_s, double bandwidth_bps, int hops) {
  NodeView n;
  n.tier = tier;
  n.instance_speed_flops = speed_flops;
  n.variant_flops = flops;
  n.variant_accuracy = accuracy;
  n.path_latency_s = latency_s;
  n.path_bandwidth_bps = bandwidth_bps;
  n.hops = hops;
  return n;
}

struct ViewFixture {
  std::vector<NodeView> nodes;
  FleetView view() const {
    FleetView v;
    v.nodes = nodes;
    v.self = 0;
    v.home_edge = 1;
    v.home_fog = 3;
    v.first_cloud = 4;
    return v;
  }
};

// 1 GFLOP model. Device 10 GFLOPS (100 ms), edges 100 GFLOPS (10 ms) 1 ms away at 1 Gbps,
// fog 200 GFLOPS, clouds 1 TFLOPS (1 ms) 20 ms away at 100 Mbps.
inline ViewFixture standard_fixture() {
  using core::Tier;
  ViewFixture f;
  f.nodes = {node(Tier::kDevice, 10e9, 1e9, 0.70, 0, 0, 0),
             node(Tier::kEdge, 100e9, 1e9, 0.75, 0.001, 1e9, 1),
             node(Tier::kEdge, 100e9, 1e9, 0.75, 0.005, 1e9, 3),
             node(Tier::kFog, 200e9, 1e9, 0.75, 0.003, 1e9, 2),
             node(Tier::kCloud, 1e12, 1e9, 0.76, 0.020, 100e6, 4),
             node(Tier::kCloud, 1e12, 1e9, 0.76, 0.020, 100e6, 4)};
  return f;
}

inline RequestView request(double max_latency_s, double input_bytes = 1e5,
                           double output_bytes = 1e3) {
  RequestView r;
  r.max_latency_s = max_latency_s;
  r.input_bytes = input_bytes;
  r.output_bytes = output_bytes;
  return r;
}

}  // namespace edgefleet::scheduler::testing
