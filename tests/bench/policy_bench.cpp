// Cost of one placement decision per request, on a full-size view (device, 9 edges, fog, 8 cloud
// hosts), for the policies a large run would use.
#include <benchmark/benchmark.h>

#include <vector>

#include "scheduler/policy.hpp"

namespace {

using namespace edgefleet;

std::vector<scheduler::NodeView> full_view() {
  std::vector<scheduler::NodeView> nodes;
  auto add = [&](core::Tier t, double speed, double latency_s, int hops) {
    scheduler::NodeView n;
    n.tier = t;
    n.instance_speed_flops = speed;
    n.variant_flops = 0.6e9;
    n.variant_accuracy = 0.72;
    n.path_latency_s = latency_s;
    n.path_bandwidth_bps = 54e6;
    n.hops = hops;
    n.busy_slots = hops % 2;
    n.queue_length = hops % 3;
    nodes.push_back(n);
  };
  add(core::Tier::kDevice, 12e9, 0, 0);
  for (int e = 0; e < 9; ++e) add(core::Tier::kEdge, 1.5e12, 0.002 * (e ? 2 : 1), e ? 3 : 1);
  add(core::Tier::kFog, 4e12, 0.004, 2);
  for (int c = 0; c < 8; ++c) add(core::Tier::kCloud, 4e12, 0.024, 4);
  return nodes;
}

void BM_PolicyDecision(benchmark::State& state, const char* name) {
  const auto nodes = full_view();
  scheduler::FleetView v;
  v.nodes = nodes;
  v.self = 0;
  v.home_edge = 1;
  v.home_fog = 10;
  v.first_cloud = 11;
  scheduler::RequestView r;
  r.max_latency_s = 0.1;
  r.input_bytes = 150528;
  r.output_bytes = 4000;
  auto policy = scheduler::make_policy(name, scenario::Json::object(), "/p", "/q");
  core::Rng rng(1);
  for (auto _ : state) benchmark::DoNotOptimize(policy->decide(r, v, rng));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_PolicyDecision, weighted_node_score, "weighted_node_score");
BENCHMARK_CAPTURE(BM_PolicyDecision, latency_aware, "latency_aware");
BENCHMARK_CAPTURE(BM_PolicyDecision, tier_by_requirements, "tier_by_requirements");
BENCHMARK_CAPTURE(BM_PolicyDecision, random, "random");

}  // namespace
