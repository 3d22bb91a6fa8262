#include "metrics/served_latencies.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace edgefleet::metrics {
namespace {

constexpr std::array<const char*, 4> kTiers = {"device", "edge", "fog", "cloud"};

void expect_same(const LatencyStats& a, const LatencyStats& b) {
  // Bit-identical, not merely close: the one-store breakdowns must not change any output digit.
  EXPECT_EQ(a.count, b.count);
  EXPECT_EQ(a.mean_s, b.mean_s);
  EXPECT_EQ(a.min_s, b.min_s);
  EXPECT_EQ(a.p50_s, b.p50_s);
  EXPECT_EQ(a.p90_s, b.p90_s);
  EXPECT_EQ(a.p95_s, b.p95_s);
  EXPECT_EQ(a.p99_s, b.p99_s);
  EXPECT_EQ(a.max_s, b.max_s);
}

template <class Key>
void expect_same(const GroupedLatency<Key>& a, const GroupedLatency<Key>& b) {
  ASSERT_EQ(a.size(), b.size());
  auto ib = b.begin();
  for (const auto& [key, summary] : a) {
    EXPECT_EQ(key, ib->first);
    expect_same(summary.stats(), ib->second.stats());
    ++ib;
  }
}

// The reference is what the collector did before: one summary per breakdown, fed per request.
TEST(ServedLatencies, BreakdownsEqualPerGroupRecordingBitForBit) {
  ServedLatencies store;
  LatencySummary overall;
  GroupedLatency<std::string> tier, model, placement;
  GroupedLatency<int> priority;
  const std::array<std::string, 3> models = {"resnet50", "mobilenet_v2", "yolo"};
  const std::array<std::string, 2> placements = {"single", "split"};
  std::mt19937_64 rng(7);
  std::lognormal_distribution<double> latency(-4, 1);
  for (int i = 0; i < 5000; ++i) {
    const int t = static_cast<int>(rng() % 4), p = static_cast<int>(rng() % 4);
    const std::string& m = models[rng() % models.size()];
    const std::string& pl = placements[rng() % placements.size()];
    const double x = latency(rng);
    store.record(t, p, m, pl, x);
    overall.record(x);
    tier.record(std::string(kTiers[t]), x);
    model.record(m, x);
    placement.record(pl, x);
    priority.record(p, x);
  }
  EXPECT_EQ(store.count(), 5000u);
  expect_same(store.overall().stats(), overall.stats());
  expect_same(store.by_tier(kTiers), tier);
  expect_same(store.by_model(), model);
  expect_same(store.by_placement(), placement);
  expect_same(store.by_priority(), priority);
}

TEST(ServedLatencies, GroupsOnlyWhatWasRecorded) {
  ServedLatencies store;
  store.record(3, 2, "m", "single", 0.5);
  store.record(3, 0, "m", "single", 0.25);
  const auto tiers = store.by_tier(kTiers);
  ASSERT_EQ(tiers.size(), 1u);
  EXPECT_EQ(tiers.begin()->first, "cloud");
  EXPECT_DOUBLE_EQ(tiers.begin()->second.stats().mean_s, 0.375);
  const auto priorities = store.by_priority();
  ASSERT_EQ(priorities.size(), 2u);
  EXPECT_EQ(priorities.begin()->first, 0);  // ascending numeric order, as outputs require
  EXPECT_EQ(ServedLatencies{}.overall().count(), 0u);
}

TEST(ServedLatencies, RejectsWhatLatencySummaryRejectsAndBadIndices) {
  ServedLatencies store;
  EXPECT_THROW(store.record(0, 0, "m", "single", -1e-9), std::invalid_argument);
  EXPECT_THROW(store.record(0, 0, "m", "single", std::numeric_limits<double>::quiet_NaN()),
               std::invalid_argument);
  EXPECT_THROW(store.record(4, 0, "m", "single", 1), std::invalid_argument);
  EXPECT_THROW(store.record(0, -1, "m", "single", 1), std::invalid_argument);
  EXPECT_EQ(store.count(), 0u);  // nothing half-recorded
}

TEST(ServedLatencies, InternsAtMost256Placements) {
  ServedLatencies store;
  for (int i = 0; i < 256; ++i) {
    std::string placement = "p";  // appended, not "p" + ...: GCC 12's -Wrestrict false positive
    placement += std::to_string(i);
    store.record(0, 0, "m", placement, 1);
  }
  EXPECT_THROW(store.record(0, 0, "m", "one-too-many", 1), std::length_error);
  EXPECT_EQ(store.by_placement().size(), 256u);
}

}  // namespace
}  // namespace edgefleet::metrics
