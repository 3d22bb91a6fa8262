// Each policy's decisions on hand-made fleet views. Estimated latencies of the standard fixture
// (request: 1e5 B in, 1e3 B out; 1 GFLOP):
//   device 100 ms (10 GFLOPS, no transfer)
//   home edge 1.8 + 10 + 1.008 = 12.808 ms; sibling edge 5.8 + 10 + 5.008 = 20.808 ms
//   fog 3.8 + 5 + 3.008 = 11.808 ms; cloud 28 + 1 + 20.08 = 49.08 ms
#include <map>

#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "scheduler/policy.hpp"
#include "scheduler/weighted_score.hpp"
#include "view_builder.hpp"

namespace edgefleet::scheduler {
namespace {

using testing::request;
using testing::standard_fixture;

std::unique_ptr<Policy> policy(const std::string& name, scenario::Json params = {}) {
  if (params.is_null()) params = scenario::Json::object();
  return make_policy(name, params, "/scheduler/policy", "/scheduler/params");
}

Decision decide(const std::string& name, const testing::ViewFixture& f, const RequestView& r,
                std::uint64_t seed = 1) {
  core::Rng rng = core::make_stream(seed, core::StreamPurpose::kPolicy, 0);
  return policy(name)->decide(r, f.view(), rng);
}

TEST(SchedulerLatencyAware, EdgeWhenItMeetsRequirementAndThreshold) {
  const Decision d = decide("latency_aware", standard_fixture(), request(0.050));
  EXPECT_EQ(d.kind, PlanKind::kSingle);
  EXPECT_EQ(d.primary, 1);
}

TEST(SchedulerLatencyAware, CloudWhenEdgeIsTooSlowButCloudMeetsRequirement) {
  auto f = standard_fixture();
  f.nodes[1].busy_slots = 1;
  f.nodes[1].queue_length = 4;  // 5 ahead x 10 ms: edge estimate 62.8 ms > 50 ms threshold
  const Decision d = decide("latency_aware", f, request(0.060));
  EXPECT_EQ(d.kind, PlanKind::kSingle);
  EXPECT_EQ(f.nodes[d.primary].tier, core::Tier::kCloud);
}

TEST(SchedulerLatencyAware, HybridSplitSeventyThirtyWhenNeitherMeetsRequirement) {
  // 10 ms requirement: edge 12.8 ms and cloud 49.1 ms both miss it.
  const Decision d = decide("latency_aware", standard_fixture(), request(0.010));
  ASSERT_EQ(d.kind, PlanKind::kSplit);
  EXPECT_EQ(d.primary, 1);
  EXPECT_GE(d.secondary, 4);
  EXPECT_DOUBLE_EQ(d.primary_flops, 0.7e9);
  EXPECT_DOUBLE_EQ(d.secondary_flops, 0.3e9);
  EXPECT_DOUBLE_EQ(d.split_bytes, 1e5);  // no layer table: the input crosses
}

TEST(SchedulerLatencyAware, RejectsWhenNoNodeHoldsTheModel) {
  auto f = standard_fixture();
  for (auto& n : f.nodes) n.variant_flops = 0;
  EXPECT_EQ(decide("latency_aware", f, request(0.05)).kind, PlanKind::kReject);
}

TEST(SchedulerTierByRequirements, FollowsTheRuleTable) {
  const auto f = standard_fixture();
  RequestView r = request(0.5);
  r.privacy_required = true;
  EXPECT_EQ(decide("tier_by_requirements", f, r).primary, 0);  // privacy -> device
  r.privacy_required = false;
  r.complexity = 0.2;
  r.max_latency_s = 0.040;
  EXPECT_EQ(decide("tier_by_requirements", f, r).primary, 0);  // simple and urgent -> device
  r.complexity = 0.5;
  r.max_latency_s = 0.5;
  EXPECT_EQ(decide("tier_by_requirements", f, r).primary, 1);  // moderate -> edge
  r.complexity = 0.8;
  r.max_latency_s = 0.150;
  EXPECT_EQ(decide("tier_by_requirements", f, r).primary, 1);  // fairly urgent -> edge
  r.max_latency_s = 0.5;
  EXPECT_EQ(decide("tier_by_requirements", f, r).primary, 4);  // complex, relaxed -> cloud
}

TEST(SchedulerTierByRequirements, PrivacyNeverLeavesTheDevice) {
  auto f = standard_fixture();
  f.nodes[0].variant_flops = 0;  // the device cannot hold the model
  RequestView r = request(0.5);
  r.privacy_required = true;
  const Decision d = decide("tier_by_requirements", f, r);
  EXPECT_EQ(d.kind, PlanKind::kReject);
  EXPECT_EQ(d.reason, "privacy_requires_device");
  r.privacy_required = false;
  r.complexity = 0.1;
  r.max_latency_s = 0.01;
  EXPECT_EQ(decide("tier_by_requirements", f, r).primary, 1);  // moves up to the edge
}

TEST(SchedulerWeightedScore, PrefersTheHomeEdgeByHandComputedScores) {
  // Eligible (< 50 ms): edges, fog, clouds. Scores with weights .3/.3/.2/.2, max hops 4:
  //   home edge: .3 (1 - 12.808/50) + .3 + .2 (1 - 1/4) + .2 = 0.873152
  //   fog:       .3 (1 - 11.808/50) + .3 + .2 (1 - 2/4) + .2 = 0.829152
  const auto f = standard_fixture();
  const RequestView r = request(0.050);
  const NodeScore edge = score_node(f.nodes[1], r, 4);
  EXPECT_NEAR(weighted_sum(edge, {0.3, 0.3, 0.2, 0.2}), 0.873152, 1e-9);
  EXPECT_NEAR(weighted_sum(score_node(f.nodes[3], r, 4), {0.3, 0.3, 0.2, 0.2}), 0.829152, 1e-9);
  EXPECT_EQ(decide("weighted_node_score", f, r).primary, 1);
}

TEST(SchedulerWeightedScore, LoadedHomeEdgeLosesToTheFog) {
  auto f = standard_fixture();
  f.nodes[1].busy_slots = 1;
  f.nodes[1].queue_length = 3;  // estimate 52.8 ms: no longer eligible
  EXPECT_EQ(decide("weighted_node_score", f, request(0.050)).primary, 3);
}

TEST(SchedulerWeightedScore, NoEligibleNodeGoesToTheCloud) {
  const Decision d = decide("weighted_node_score", standard_fixture(), request(0.005));
  EXPECT_EQ(d.kind, PlanKind::kSingle);
  EXPECT_EQ(d.primary, 4);
  EXPECT_EQ(d.reason, "no_eligible_node_cloud");
}

TEST(SchedulerWeightedScore, CriticalWeightsFavourLatency) {
  // 1e3 B in and out, 20 ms requirement, max hops 3.
  //   B (index 1): 100 GFLOPS 1 ms away, 1 hop: 1.008 + 10 + 1.008 = 12.016 ms
  //     latency .3992, load 1, proximity 2/3, reliability 1
  //   A (index 2): 1 TFLOPS 0.5 ms away, 3 hops: .508 + 1 + .508 = 2.016 ms
  //     latency .8992, load 1, proximity 0, reliability 0.8
  // default .3/.3/.2/.2: A .72976 < B .75309 -> B; critical .5/.2/.2/.1: A .7296 > B .63293 -> A
  using testing::node;
  testing::ViewFixture f;
  f.nodes = {node(core::Tier::kDevice, 1e9, 0, 0, 0, 0, 0),
             node(core::Tier::kEdge, 100e9, 1e9, 0.8, 0.001, 1e9, 1),
             node(core::Tier::kEdge, 1000e9, 1e9, 0.8, 0.0005, 1e9, 3)};
  f.nodes[2].reliability = 0.8;
  FleetView v;
  v.nodes = f.nodes;
  v.self = 0;
  v.home_edge = 1;
  core::Rng rng(1);
  auto p = policy("weighted_node_score");
  RequestView r = request(0.020, 1e3, 1e3);
  r.priority = 2;
  EXPECT_EQ(p->decide(r, v, rng).primary, 1);
  r.priority = 3;
  EXPECT_EQ(p->decide(r, v, rng).primary, 2);
}

TEST(SchedulerBaselines, RoundRobinCyclesOverServableNodes) {
  const auto f = standard_fixture();
  auto p = policy("round_robin");
  core::Rng rng(1);
  for (int k = 0; k < 12; ++k) EXPECT_EQ(p->decide(request(1), f.view(), rng).primary, k % 6);
}

TEST(SchedulerBaselines, RandomIsUniformAndSeeded) {
  const auto f = standard_fixture();
  auto p = policy("random");
  core::Rng rng = core::make_stream(7, core::StreamPurpose::kPolicy, 0);
  std::map<int, int> counts;
  for (int k = 0; k < 6000; ++k) ++counts[p->decide(request(1), f.view(), rng).primary];
  ASSERT_EQ(counts.size(), 6u);
  // Binomial(6000, 1/6): sd 28.9; 5 sd = 144.
  for (const auto& [node, n] : counts) EXPECT_NEAR(n, 1000, 144) << node;
  EXPECT_EQ(decide("random", f, request(1), 3).primary, decide("random", f, request(1), 3).primary);
}

TEST(SchedulerBaselines, LeastLoadedNearestCloudOnlyDeviceOnly) {
  auto f = standard_fixture();
  f.nodes[0].busy_slots = 1;
  f.nodes[1].busy_slots = 1;
  f.nodes[2].queue_length = 2;
  EXPECT_EQ(decide("least_loaded", f, request(1)).primary, 3);  // first idle node in view order
  EXPECT_EQ(decide("nearest", f, request(1)).primary, 0);       // the device itself
  f.nodes[4].busy_slots = 1;
  EXPECT_EQ(decide("cloud_only", f, request(1)).primary, 5);  // the idle cloud host
  EXPECT_EQ(decide("device_only", f, request(1)).primary, 0);
  f.nodes[0].variant_flops = 0;
  EXPECT_EQ(decide("nearest", f, request(1)).primary, 1);
  EXPECT_EQ(decide("device_only", f, request(1)).kind, PlanKind::kReject);
}

TEST(SchedulerBaselines, AccuracyFloorExcludesVariants) {
  auto f = standard_fixture();
  RequestView r = request(1);
  r.min_accuracy = 0.76;  // only the cloud's fp32 variant (0.76) qualifies
  EXPECT_EQ(decide("nearest", f, r).primary, 4);
}

TEST(SchedulerRegistry, UnknownPolicyNamesKnownOnesWithSuggestion) {
  try {
    policy("latency_awre");
    FAIL() << "expected an InputError";
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/scheduler/policy");
    const std::string why = e.reason();
    EXPECT_NE(why.find("did you mean 'latency_aware'"), std::string::npos) << why;
    for (const auto& name : policy_names()) EXPECT_NE(why.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(policy_names().size(), 12u);
}

TEST(SchedulerRegistry, BadParametersNameTheirPath) {
  try {
    policy("latency_aware", {{"edge_threshold", "-5ms"}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/scheduler/params/edge_threshold");
  }
  try {
    policy("cascade", {{"confidence_treshold", 0.8}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/scheduler/params/confidence_treshold");
  }
  try {
    policy("weighted_node_score", {{"weights", {1, 2}}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/scheduler/params/weights");
  }
}

}  // namespace
}  // namespace edgefleet::scheduler

namespace edgefleet::scheduler {
namespace {

TEST(SchedulerPrivacy, NoPolicySendsPrivateInputOffTheDevice) {
  auto f = testing::standard_fixture();
  RequestView r = testing::request(1);
  r.privacy_required = true;
  for (const auto& name : policy_names()) {
    const Decision d = decide(name, f, r);
    if (d.kind == PlanKind::kReject) continue;  // e.g. cloud_only
    EXPECT_EQ(d.primary, 0) << name;
    EXPECT_TRUE(d.kind == PlanKind::kSingle || (d.kind == PlanKind::kCascade && !d.escalate))
        << name;
  }
  EXPECT_EQ(decide("cloud_only", f, r).kind, PlanKind::kReject);
}

}  // namespace
}  // namespace edgefleet::scheduler
