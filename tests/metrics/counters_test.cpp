#include "metrics/counters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace edgefleet::metrics {
namespace {

TEST(OutcomeCounters, CountsOutcomesAndReasons) {
  OutcomeCounters c;
  for (int i = 0; i < 30; ++i) c.count(Outcome::kServed);
  c.count(Outcome::kDropped, "queue_full");
  c.count(Outcome::kDropped, "deadline_expired");
  c.count(Outcome::kDropped, "queue_full");
  c.count(Outcome::kFailed, "host_failure");
  EXPECT_EQ(c.served(), 30u);
  EXPECT_EQ(c.dropped(), 3u);
  EXPECT_EQ(c.failed(), 1u);
  EXPECT_EQ(c.total(), 34u);
  const auto& dropped = c.reasons(Outcome::kDropped);
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped.begin()->first, "deadline_expired");  // byte order, not insertion order
  EXPECT_EQ(dropped.at("queue_full"), 2u);
  EXPECT_TRUE(c.reasons(Outcome::kServed).empty());  // no reason given: no "" key
  EXPECT_DOUBLE_EQ(c.throughput_per_s(10.0), 3.0);   // 30 served / 10 s
  EXPECT_TRUE(std::isnan(c.throughput_per_s(0.0)));
}

TEST(OutcomeCounters, MergeAddsTotalsAndReasons) {
  OutcomeCounters a, b;
  a.count(Outcome::kDropped, "queue_full");
  b.count(Outcome::kDropped, "queue_full");
  b.count(Outcome::kFailed, "link_down");
  a.merge(b);
  EXPECT_EQ(a.dropped(), 2u);
  EXPECT_EQ(a.reasons(Outcome::kDropped).at("queue_full"), 2u);
  EXPECT_EQ(a.reasons(Outcome::kFailed).at("link_down"), 1u);
  EXPECT_STREQ(outcome_name(Outcome::kFailed), "failed");
}

TEST(TotalsByName, SumsPerNameAndRejectsNegatives) {
  TotalsByName bytes_by_link_class;
  bytes_by_link_class.add("wan", 1e6);
  bytes_by_link_class.add("lan", 250);
  bytes_by_link_class.add("wan", 5e5);
  EXPECT_DOUBLE_EQ(bytes_by_link_class.get("wan"), 1.5e6);
  EXPECT_DOUBLE_EQ(bytes_by_link_class.get("cellular"), 0.0);
  EXPECT_DOUBLE_EQ(bytes_by_link_class.total(), 1.5e6 + 250);
  EXPECT_EQ(bytes_by_link_class.values().begin()->first, "lan");
  EXPECT_THROW(bytes_by_link_class.add("wan", -1), std::invalid_argument);
  EXPECT_THROW(bytes_by_link_class.add("wan", NAN), std::invalid_argument);
}

TEST(MeanAccumulator, MeanOfAccuracies) {
  MeanAccumulator acc;
  EXPECT_TRUE(std::isnan(acc.mean()));
  acc.add(0.9);
  acc.add(0.7);
  acc.add(0.8);
  EXPECT_EQ(acc.count(), 3u);
  EXPECT_NEAR(acc.mean(), 0.8, 1e-15);
  MeanAccumulator more;
  more.add(0.4);
  acc.merge(more);
  EXPECT_NEAR(acc.mean(), 0.7, 1e-15);  // (2.4 + 0.4) / 4
  EXPECT_THROW(acc.add(INFINITY), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::metrics
