#include "metrics/scores.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace edgefleet::metrics {
namespace {

TEST(PerformanceScore, HalfLatencyHalfAttainment) {
  // p95 under target: latency part 100; attainment 98% -> 0.5*100 + 0.5*98 = 99.
  EXPECT_DOUBLE_EQ(performance_score({0.05, 0.1, 0.98}), 99.0);
  // p95 at twice the target: latency part 100 * 0.1/0.2 = 50; attainment 50 -> 50.
  EXPECT_DOUBLE_EQ(performance_score({0.2, 0.1, 0.5}), 50.0);
  EXPECT_DOUBLE_EQ(performance_score({0.1, 0.1, 1.0}), 100.0);  // exactly at target
  EXPECT_DOUBLE_EQ(performance_score({NAN, 0.1, 1.0}), 0.0);    // no requests
  EXPECT_DOUBLE_EQ(performance_score({0.05, 0.0, 1.0}), 0.0);   // no SLO target
}

TEST(ScalabilityScore, TheTighterOfHeadroomAndStabilityWins) {
  EXPECT_DOUBLE_EQ(scalability_score({0.5, 1.0}), 100.0);
  EXPECT_DOUBLE_EQ(scalability_score({0.9, 1.2}), 20.0);  // headroom (1-0.9)/0.5 = 0.2
  EXPECT_DOUBLE_EQ(scalability_score({0.4, 1.8}), 25.0);  // stability (2-1.8)/0.8 = 0.25
  EXPECT_DOUBLE_EQ(scalability_score({1.0, 1.0}), 0.0);
  EXPECT_DOUBLE_EQ(scalability_score({0.2, 3.0}), 0.0);
}

TEST(ScalabilityScore, QueueGrowthRatioIsSmoothedByOneRequest) {
  EXPECT_DOUBLE_EQ(queue_growth_ratio(1.0, 3.0), 2.0);  // (3+1)/(1+1)
  EXPECT_DOUBLE_EQ(queue_growth_ratio(0.0, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(queue_growth_ratio(0.0, 0.2), 1.2);
}

TEST(FederatedScore, NotApplicableWithoutFederatedLearning) {
  EXPECT_FALSE(federated_score({}).has_value());
  FederatedInputs ran_no_rounds;
  ran_no_rounds.ran = true;
  EXPECT_FALSE(federated_score(ran_no_rounds).has_value());
}

TEST(FederatedScore, AccuracySpeedAndParticipation) {
  FederatedInputs in;
  in.ran = true;
  in.final_accuracy = 0.45;
  in.target_accuracy = 0.9;  // accuracy part 0.5
  in.rounds_run = 10;
  in.rounds_to_target = 6;       // speed part 1 - 5/10 = 0.5
  in.participation_rate = 0.75;  // participation part 0.75
  // 100 * (0.5*0.5 + 0.3*0.5 + 0.2*0.75) = 55
  EXPECT_DOUBLE_EQ(*federated_score(in), 55.0);
  in.rounds_to_target.reset();  // never reached: speed 0 -> 100 * (0.25 + 0 + 0.15) = 40
  EXPECT_DOUBLE_EQ(*federated_score(in), 40.0);
  in.final_accuracy = 0.95;  // above target: accuracy part capped at 1
  in.rounds_to_target = 1;   // speed 1
  in.participation_rate = 1.0;
  EXPECT_DOUBLE_EQ(*federated_score(in), 100.0);
}

TEST(CostEfficiencyScore, FullMarksUpToTheReference) {
  EXPECT_DOUBLE_EQ(cost_efficiency_score(2.5), 100.0);
  EXPECT_DOUBLE_EQ(cost_efficiency_score(5.0), 100.0);
  EXPECT_DOUBLE_EQ(cost_efficiency_score(10.0), 50.0);  // 100 * 5/10
  EXPECT_DOUBLE_EQ(cost_efficiency_score(40.0, 20.0), 50.0);
  EXPECT_DOUBLE_EQ(cost_efficiency_score(INFINITY), 0.0);
  EXPECT_DOUBLE_EQ(cost_efficiency_score(NAN), 0.0);
}

}  // namespace
}  // namespace edgefleet::metrics
