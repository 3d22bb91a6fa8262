#include "metrics/latency_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "metrics/grouped_latency.hpp"

namespace edgefleet::metrics {
namespace {

LatencySummary of(std::initializer_list<double> xs) {
  LatencySummary s;
  for (double x : xs) s.record(x);
  return s;
}

// Sorted: 1 1 2 3 4 5 6 9 (n = 8). Type 7: h = 7p, P = x[floor h] + frac(h) * (next - x[floor h]).
TEST(LatencySummary, Type7PercentilesOnAHandComputedSet) {
  const LatencySummary s = of({3, 1, 4, 1, 5, 9, 2, 6});
  const LatencyStats st = s.stats();
  EXPECT_EQ(st.count, 8u);
  EXPECT_DOUBLE_EQ(st.mean_s, 31.0 / 8);  // sum = 31
  EXPECT_DOUBLE_EQ(st.min_s, 1);
  EXPECT_DOUBLE_EQ(st.max_s, 9);
  EXPECT_DOUBLE_EQ(st.p50_s, 3.5);             // h = 3.5: 3 + 0.5 * (4 - 3)
  EXPECT_DOUBLE_EQ(st.p90_s, 6.9);             // h = 6.3: 6 + 0.3 * (9 - 6)
  EXPECT_DOUBLE_EQ(st.p95_s, 7.95);            // h = 6.65: 6 + 0.65 * 3
  EXPECT_DOUBLE_EQ(st.p99_s, 8.79);            // h = 6.93: 6 + 0.93 * 3
  EXPECT_DOUBLE_EQ(s.percentile(0.25), 1.75);  // h = 1.75: 1 + 0.75 * (2 - 1)
  EXPECT_DOUBLE_EQ(s.percentile(0.0), 1);
  EXPECT_DOUBLE_EQ(s.percentile(1.0), 9);
}

TEST(LatencySummary, FiveEvenlySpacedSamples) {
  const LatencySummary s = of({50, 10, 40, 20, 30});
  EXPECT_DOUBLE_EQ(s.percentile(0.5), 30);  // h = 2 exactly: the middle sample
  EXPECT_DOUBLE_EQ(s.percentile(0.9), 46);  // h = 3.6: 40 + 0.6 * 10
}

TEST(LatencySummary, OneSampleIsEveryPercentile) {
  const LatencyStats st = of({0.042}).stats();
  EXPECT_EQ(st.count, 1u);
  for (double v : {st.mean_s, st.min_s, st.p50_s, st.p90_s, st.p95_s, st.p99_s, st.max_s}) {
    EXPECT_DOUBLE_EQ(v, 0.042);
  }
}

TEST(LatencySummary, TiesInterpolateToTheTiedValue) {
  const LatencySummary all_same = of({2, 2, 2, 2});
  EXPECT_DOUBLE_EQ(all_same.percentile(0.37), 2);
  const LatencySummary s = of({3, 2, 1, 2});  // sorted 1 2 2 3
  EXPECT_DOUBLE_EQ(s.percentile(0.5), 2);     // h = 1.5, between the two 2s
  EXPECT_DOUBLE_EQ(s.percentile(0.6), 2.0);   // h = 1.8, still between the 2s
  EXPECT_DOUBLE_EQ(s.percentile(0.9), 2.7);   // h = 2.7: 2 + 0.7 * (3 - 2)
}

TEST(LatencySummary, EmptyGivesNaNAndZeroCount) {
  const LatencySummary s;
  const LatencyStats st = s.stats();
  EXPECT_EQ(st.count, 0u);
  EXPECT_TRUE(std::isnan(st.mean_s));
  EXPECT_TRUE(std::isnan(st.p99_s));
  EXPECT_TRUE(std::isnan(s.fraction_below(1.0)));
}

TEST(LatencySummary, FractionBelowCountsSamplesAtTheThreshold) {
  const LatencySummary s = of({0.3, 0.1, 0.05, 0.2, 0.1});
  EXPECT_DOUBLE_EQ(s.fraction_below(0.1), 3.0 / 5);  // 0.05, 0.1, 0.1 (inclusive)
  EXPECT_DOUBLE_EQ(s.fraction_below(0.0999), 1.0 / 5);
  EXPECT_DOUBLE_EQ(s.fraction_below(0.0), 0.0);
  EXPECT_DOUBLE_EQ(s.fraction_below(0.3), 1.0);
}

TEST(LatencySummary, QueriesBetweenRecordsSeeEverySample) {
  LatencySummary s;
  s.record(5);
  EXPECT_DOUBLE_EQ(s.percentile(0), 5);
  s.record(1);  // out of order after a sort
  s.record(3);
  EXPECT_DOUBLE_EQ(s.percentile(0), 1);
  EXPECT_DOUBLE_EQ(s.percentile(0.5), 3);
  EXPECT_DOUBLE_EQ(s.mean_s(), 3);
}

TEST(LatencySummary, RejectsBadSamplesAndBadP) {
  LatencySummary s;
  EXPECT_THROW(s.record(-0.001), std::invalid_argument);
  EXPECT_THROW(s.record(NAN), std::invalid_argument);
  EXPECT_THROW(s.record(INFINITY), std::invalid_argument);
  s.record(1);
  EXPECT_THROW(s.percentile(1.01), std::invalid_argument);
  EXPECT_THROW(s.percentile(-0.01), std::invalid_argument);
  EXPECT_EQ(s.count(), 1u);
}

TEST(LatencySummary, MergeAddsSamplesIncludingSelfMerge) {
  LatencySummary a = of({1, 2});
  a.merge(of({3, 4}));
  EXPECT_EQ(a.count(), 4u);
  EXPECT_DOUBLE_EQ(a.percentile(0.5), 2.5);
  a.merge(a);
  EXPECT_EQ(a.count(), 8u);
  EXPECT_DOUBLE_EQ(a.mean_s(), 2.5);
}

TEST(LatencySummary, MeanOfManySmallSamplesIsCompensated) {
  // 1e5 samples of 0.1: a naive running sum drifts by ~1e-12 relative; the compensated one
  // equals the correctly rounded 1e4 / 1e5.
  LatencySummary s;
  s.reserve(100000);
  for (int i = 0; i < 100000; ++i) s.record(0.1);
  EXPECT_EQ(s.mean_s(), 0.1);
}

TEST(LatencySummary, SloAttainmentCountsDroppedRequestsAsMisses) {
  const LatencySummary served = of({0.05, 0.08, 0.2});  // 2 of 3 within 0.1 s
  EXPECT_DOUBLE_EQ(slo_attainment(served, 0.1, 3), 2.0 / 3);
  EXPECT_DOUBLE_EQ(slo_attainment(served, 0.1, 4), 0.5);  // plus one dropped request
  EXPECT_DOUBLE_EQ(slo_attainment(LatencySummary{}, 0.1, 5), 0.0);
  EXPECT_TRUE(std::isnan(slo_attainment(LatencySummary{}, 0.1, 0)));
  EXPECT_THROW(slo_attainment(served, 0.1, 2), std::invalid_argument);
}

TEST(GroupedLatency, IteratesInKeyOrderWhateverTheInsertionOrder) {
  LatencyByName by_tier;
  by_tier.record("fog", 0.2);
  by_tier.record(std::string_view("cloud"), 0.3);
  by_tier.record(std::string("edge"), 0.1);
  by_tier.record("edge", 0.3);
  std::vector<std::string> order;
  for (const auto& [tier, s] : by_tier) order.push_back(tier);
  EXPECT_EQ(order, (std::vector<std::string>{"cloud", "edge", "fog"}));
  ASSERT_NE(by_tier.find("edge"), nullptr);
  EXPECT_EQ(by_tier.find("edge")->count(), 2u);
  EXPECT_DOUBLE_EQ(by_tier.find("edge")->mean_s(), 0.2);
  EXPECT_EQ(by_tier.find("device"), nullptr);
  const LatencySummary all = by_tier.overall();
  EXPECT_EQ(all.count(), 4u);
  EXPECT_DOUBLE_EQ(all.percentile(1.0), 0.3);
}

TEST(GroupedLatency, IntegerKeysIterateNumerically) {
  LatencyByPriority by_priority;
  for (int p : {10, -1, 2, 0}) by_priority.record(p, 1.0);
  std::vector<int> order;
  for (const auto& [p, s] : by_priority) order.push_back(p);
  EXPECT_EQ(order, (std::vector<int>{-1, 0, 2, 10}));
}

}  // namespace
}  // namespace edgefleet::metrics
