#include "metrics/time_weighted.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace edgefleet::metrics {
namespace {

// One gauge per host must stay small: 1M hosts x 48 B = 48 MB.
static_assert(sizeof(TimeWeightedGauge) <= 48);

// Step function: 0 on [0,2), 4 on [2,5), 1 on [5,10].
// Integral = 0*2 + 4*3 + 1*5 = 17, so the mean over [0,10] is 1.7.
TEST(TimeWeightedGauge, MeanOfAHandMadeStepFunction) {
  TimeWeightedGauge g(0.0, 0.0);
  g.set(2.0, 4.0);
  g.set(5.0, 1.0);
  EXPECT_DOUBLE_EQ(g.integral(10.0), 17.0);
  EXPECT_DOUBLE_EQ(g.mean(10.0), 1.7);
  EXPECT_DOUBLE_EQ(g.mean(5.0), 12.0 / 5);  // window ending at the last update: 0*2 + 4*3
  EXPECT_DOUBLE_EQ(g.min(), 0.0);
  EXPECT_DOUBLE_EQ(g.max(), 4.0);
  EXPECT_DOUBLE_EQ(g.value(), 1.0);
}

// Window starts at t0 = 10 (after warm-up). 3 from t=2 (so 3 on [10,12)), 5 from t=12.
// Mean over [10,20] = (3*2 + 5*8) / 10 = 4.6; the warm-up value 7 is outside the window.
TEST(TimeWeightedGauge, UpdatesBeforeT0OnlySetTheStartingValue) {
  TimeWeightedGauge g(10.0, 0.0);
  g.set(1.0, 7.0);
  g.set(2.0, 3.0);
  g.set(12.0, 5.0);
  EXPECT_DOUBLE_EQ(g.mean(20.0), 4.6);
  EXPECT_DOUBLE_EQ(g.min(), 3.0);
  EXPECT_DOUBLE_EQ(g.max(), 5.0);
}

TEST(TimeWeightedGauge, AddMovesTheValueAndZeroLengthPeaksCountInMax) {
  TimeWeightedGauge g(0.0, 2.0);
  g.add(1.0, 3.0);                     // 5 on [1, 1]: held for zero time
  g.add(1.0, -4.0);                    // 1 from t = 1
  EXPECT_DOUBLE_EQ(g.mean(2.0), 1.5);  // (2*1 + 1*1) / 2
  EXPECT_DOUBLE_EQ(g.max(), 5.0);
}

TEST(TimeWeightedGauge, RejectsTimeGoingBackwardsAndEmptyWindows) {
  TimeWeightedGauge g(0.0, 1.0);
  g.set(3.0, 2.0);
  EXPECT_THROW(g.set(2.0, 1.0), std::invalid_argument);
  EXPECT_THROW(g.mean(2.5), std::invalid_argument);  // before the last update
  EXPECT_THROW(g.set(4.0, NAN), std::invalid_argument);
  TimeWeightedGauge empty(5.0, 1.0);
  EXPECT_TRUE(std::isnan(empty.mean(5.0)));
  EXPECT_THROW(empty.mean(4.0), std::invalid_argument);  // before t0
}

// Level 0 on [0,2), 2 on [2,5), 5 on [5,6), 1 on [6,8] (still 1 at the end).
// Seconds per level: L0 = 2, L1 = 2, L2 = 3, L5 = 1 (window 8 s).
// Cumulative fraction: L0 0.25, L1 0.5, L2 0.875, L5 1.0.
// Mean = (0*2 + 1*2 + 2*3 + 5*1) / 8 = 13/8.
TEST(TimeWeightedLevel, PercentilesOfAHandMadeQueueTrace) {
  TimeWeightedLevel q(0.0, 0);
  q.set(2.0, 2);
  q.set(5.0, 5);
  q.add(6.0, -4);
  const double t1 = 8.0;
  EXPECT_DOUBLE_EQ(q.mean(t1), 13.0 / 8);
  EXPECT_EQ(q.percentile(0.0, t1), 0);
  EXPECT_EQ(q.percentile(0.25, t1), 0);  // exactly 25% of the time at <= 0: the lower level
  EXPECT_EQ(q.percentile(0.26, t1), 1);
  EXPECT_EQ(q.percentile(0.5, t1), 1);
  EXPECT_EQ(q.percentile(0.51, t1), 2);
  EXPECT_EQ(q.percentile(0.875, t1), 2);
  EXPECT_EQ(q.percentile(0.9, t1), 5);
  EXPECT_EQ(q.percentile(1.0, t1), 5);
  const LevelStats st = level_stats(q, t1);
  EXPECT_DOUBLE_EQ(st.mean, 13.0 / 8);
  EXPECT_EQ(st.p50, 1);
  EXPECT_EQ(st.p95, 5);
  EXPECT_EQ(st.max, 5);
}

TEST(TimeWeightedLevel, TheCurrentLevelCountsUntilTheWindowEnd) {
  // 3 on [0,1), then 0 from t=1: at t1 = 1.5 level 0 holds 1/3 of the window, at t1 = 10 90%.
  TimeWeightedLevel q(0.0, 3);
  q.set(1.0, 0);
  EXPECT_EQ(q.percentile(0.5, 1.5), 3);
  EXPECT_EQ(q.percentile(0.5, 10.0), 0);
  EXPECT_EQ(q.percentile(0.95, 10.0), 3);
}

TEST(TimeWeightedLevel, LevelsHeldForNoTimeAreNotPercentilesButAreTheMax) {
  TimeWeightedLevel q(0.0, 1);
  q.set(4.0, 9);
  q.set(4.0, 1);
  EXPECT_EQ(q.percentile(1.0, 8.0), 1);
  EXPECT_EQ(q.max(), 9);
  EXPECT_THROW(q.add(5.0, -2), std::invalid_argument);
  EXPECT_THROW(q.percentile(1.5, 8.0), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::metrics
