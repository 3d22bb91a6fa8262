#include <cmath>

#include <gtest/gtest.h>

#include "scheduler/confidence.hpp"
#include "scheduler/deployment.hpp"
#include "scheduler/policy.hpp"
#include "scheduler/split_point.hpp"
#include "view_builder.hpp"

namespace edgefleet::scheduler {
namespace {

// An AlexNet-like table: a wide early activation, then narrow ones.
std::vector<scenario::ModelLayer> alexnet_like() {
  return {{"conv1", 1e9, 4e5}, {"conv2", 1e9, 1e4}, {"conv3", 1e9, 1e4}, {"fc", 2e8, 4e3}};
}

// Local 50 GFLOPS, remote 1 TFLOPS, 10 ms and 100 Mbit/s between them; input 6e5 B, output 4e3 B.
constexpr SplitCosts kCosts{50e9, 1e12, 0.010, 100e6, 6e5, 4e3};

TEST(SchedulerSplit, TimesAtEachSplitPointMatchHandDerivation) {
  // Return leg for every k < 4: 10 ms + 4e3*8/1e8 = 10.32 ms.
  // k=0: 0 + (10 + 48) + 3.2 + 10.32 = 71.52 ms   (input 6e5 B = 48 ms on the wire)
  // k=1: 20 + (10 + 32) + 2.2 + 10.32 = 74.52 ms  (4e5 B activation = 32 ms)
  // k=2: 40 + (10 + 0.8) + 1.2 + 10.32 = 62.32 ms (1e4 B = 0.8 ms)
  // k=3: 60 + (10 + 0.8) + 0.2 + 10.32 = 81.32 ms
  // k=4: 3.2 GFLOP / 50 GFLOPS = 64 ms, nothing crosses.
  const auto layers = alexnet_like();
  const double expected_ms[] = {71.52, 74.52, 62.32, 81.32, 64.0};
  for (std::size_t k = 0; k <= 4; ++k)
    EXPECT_NEAR(split_time_s(layers, k, kCosts) * 1e3, expected_ms[k], 1e-9) << k;
  const SplitChoice c = choose_split(layers, kCosts);
  EXPECT_EQ(c.split_layer, 2u);  // the analytic argmin above
  EXPECT_DOUBLE_EQ(c.local_flops, 2e9);
  EXPECT_DOUBLE_EQ(c.remote_flops, 1.2e9);
  EXPECT_DOUBLE_EQ(c.transfer_bytes, 1e4);
}

TEST(SchedulerSplit, FastLinkMakesCloudOnlyAndSlowLinkLocalOnly) {
  const auto layers = alexnet_like();
  SplitCosts fast = kCosts;
  fast.link_bandwidth_bps = 100e9;
  fast.link_latency_s = 0.0001;
  EXPECT_EQ(choose_split(layers, fast).split_layer, 0u);
  SplitCosts slow = kCosts;
  slow.link_latency_s = 0.5;
  EXPECT_EQ(choose_split(layers, slow).split_layer, 4u);
}

TEST(SchedulerSplit, PolicyTurnsTheArgminIntoASplitPlan) {
  auto f = testing::standard_fixture();
  const auto layers = alexnet_like();
  RequestView r = testing::request(1, 6e5, 4e3);
  r.layers = layers;
  // Local = the device (10 GFLOPS); cloud 20 ms / 100 Mbit/s away: the device is too slow for
  // any layer (k=1 costs 100 ms locally alone), so the input goes to the cloud.
  core::Rng rng(1);
  auto p = make_policy("split_inference", scenario::Json::object(), "/p", "/q");
  Decision d = p->decide(r, f.view(), rng);
  EXPECT_EQ(d.kind, PlanKind::kSingle);
  EXPECT_EQ(f.nodes[d.primary].tier, core::Tier::kCloud);
  // A 1 TFLOPS device keeps everything local: k=4 costs 3.2 ms.
  f.nodes[0].instance_speed_flops = 1e12;
  d = p->decide(r, f.view(), rng);
  EXPECT_EQ(d.primary, 0);
  // 50 GFLOPS with the cloud's path 10 ms further than the device: the argmin is k=2.
  f.nodes[0].instance_speed_flops = 50e9;
  f.nodes[4].path_latency_s = f.nodes[5].path_latency_s = 0.010;
  d = p->decide(r, f.view(), rng);
  ASSERT_EQ(d.kind, PlanKind::kSplit);
  EXPECT_EQ(d.primary, 0);
  EXPECT_DOUBLE_EQ(d.split_bytes, 1e4);
}

TEST(SchedulerConfidence, MeanEqualsAccuracyAndTailMatchesClosedForm) {
  core::Rng rng = core::make_stream(3, core::StreamPurpose::kPolicy, 0);
  const double a = 0.755;
  const int n = 200000;
  double sum = 0;
  int above = 0;
  for (int i = 0; i < n; ++i) {
    const double c = draw_confidence(a, rng);
    sum += c;
    above += c >= 0.9;
  }
  // Var(c) <= 1/4: the standard error of the mean is below 0.0012; 4 se = 0.005.
  EXPECT_NEAR(sum / n, a, 0.005);
  // 1 - 0.9^(0.755/0.245) = 0.2771; binomial se 0.001.
  EXPECT_NEAR(answer_locally_probability(a, 0.9), 1 - std::pow(0.9, a / (1 - a)), 1e-15);
  EXPECT_NEAR(static_cast<double>(above) / n, answer_locally_probability(a, 0.9), 0.005);
}

TEST(SchedulerCascade, EscalatesExactlyBelowTheThreshold) {
  const auto f = testing::standard_fixture();
  auto p = make_policy("cascade", {{"confidence_threshold", 0.9}}, "/p", "/q");
  core::Rng rng = core::make_stream(5, core::StreamPurpose::kPolicy, 0);
  int local = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const Decision d = p->decide(testing::request(1), f.view(), rng);
    ASSERT_EQ(d.kind, PlanKind::kCascade);
    EXPECT_EQ(d.primary, 0);  // the device holds a variant
    if (!d.escalate) {
      ++local;
      EXPECT_GE(d.accuracy, 0.9);
    } else {
      EXPECT_GE(d.secondary, 4);
      EXPECT_DOUBLE_EQ(d.accuracy, 0.76);
    }
  }
  // Device accuracy 0.70: P(answer locally) = 1 - 0.9^(0.7/0.3) = 0.2178.
  EXPECT_NEAR(static_cast<double>(local) / n, answer_locally_probability(0.70, 0.9), 0.012);
}

TEST(SchedulerEnsemble, RunsLocalAndCloudAndKeepsTheMoreConfident) {
  const auto f = testing::standard_fixture();
  auto p = make_policy("ensemble", scenario::Json::object(), "/p", "/q");
  core::Rng rng(9);
  double sum = 0;
  for (int i = 0; i < 20000; ++i) {
    const Decision d = p->decide(testing::request(1), f.view(), rng);
    ASSERT_EQ(d.kind, PlanKind::kEnsemble);
    EXPECT_EQ(d.primary, 0);
    EXPECT_GE(d.secondary, 4);
    sum += d.accuracy;
  }
  // The max of two calibrated answers beats the better branch alone (0.76).
  EXPECT_GT(sum / 20000, 0.76 + 0.02);
}

scenario::ModelSpec four_variant_model() {
  scenario::ModelSpec m;
  m.name = "m";
  m.variants = {{"fp32", 4e9, 25e6, 100e6, 0.760},
                {"fp16", 4e9, 25e6, 50e6, 0.759},
                {"int8", 4e9, 25e6, 25e6, 0.755},
                {"pruned", 2e9, 12e6, 40e6, 0.740}};
  return m;
}

TEST(SchedulerDeployment, DefaultRuleByTierSpeedAndMemory) {
  const auto m = four_variant_model();
  using core::Tier;
  EXPECT_EQ(choose_variant(m, Tier::kCloud, 1e12, 16e9), 0u);  // cloud: full precision
  EXPECT_EQ(choose_variant(m, Tier::kDevice, 5e9, 4e9), 2u);   // < 10 GFLOPS: int8
  EXPECT_EQ(choose_variant(m, Tier::kEdge, 100e9, 4e9), 0u);   // room: most accurate
  EXPECT_EQ(choose_variant(m, Tier::kEdge, 100e9, 60e6), 1u);  // fp16 is the best that fits
  EXPECT_EQ(choose_variant(m, Tier::kEdge, 100e9, 30e6), 2u);  // only int8 fits
  EXPECT_EQ(choose_variant(m, Tier::kEdge, 100e9, 10e6), std::nullopt);
  auto no_int8 = m;
  no_int8.variants.erase(no_int8.variants.begin() + 2);
  EXPECT_EQ(choose_variant(no_int8, Tier::kEdge, 100e9, 45e6), 2u);  // memory short: pruned
}

}  // namespace
}  // namespace edgefleet::scheduler
