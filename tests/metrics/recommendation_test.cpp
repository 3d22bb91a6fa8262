#include "metrics/recommendation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace edgefleet::metrics {
namespace {

// A healthy fleet: SLO met, no tier hot or cold.
RecommendationInputs healthy() {
  RecommendationInputs in;
  in.p95_s = 0.08;
  in.slo_target_s = 0.1;
  in.slo_attainment = 0.97;
  in.drop_rate = 0.0;
  in.utilisation_by_tier = {{"edge", 0.6}, {"cloud", 0.4}};
  return in;
}

// SLO missed (attainment 0.9) with the edge tier hot, cloud spare, heavy models at the edge and
// a cloud close enough: every condition of rule 1 holds.
RecommendationInputs offloadable() {
  RecommendationInputs in = healthy();
  in.slo_attainment = 0.9;
  in.utilisation_by_tier = {{"edge", 0.9}, {"cloud", 0.5}};
  in.heavy_model_edge_share = 0.5;
  in.cloud_rtt_s = 0.05;
  return in;
}

bool has_reason(const Recommendation& r, const std::string& text) {
  return std::find(r.reasons.begin(), r.reasons.end(), text) != r.reasons.end();
}

TEST(Recommendation, HealthyFleetMeetsSlo) {
  const Recommendation r = recommend(healthy());
  EXPECT_EQ(r.verdict, Verdict::kMeetsSlo);
  EXPECT_EQ(r.summary, "meets SLO");
  EXPECT_TRUE(has_reason(r, "SLO attainment 97.0% >= target 95.0%"));
  EXPECT_TRUE(has_reason(r, "p95 latency 80.0 ms <= SLO target 100.0 ms"));
}

TEST(Recommendation, SloAttainmentThreshold) {
  RecommendationInputs in = healthy();
  in.slo_attainment = 0.95;  // exactly the target: met
  EXPECT_EQ(recommend(in).verdict, Verdict::kMeetsSlo);
  in.slo_attainment = 0.9499;  // just under: missed, no tier hot -> rule 4
  EXPECT_EQ(recommend(in).verdict, Verdict::kNotCapacityBound);
}

TEST(Recommendation, DropRateThreshold) {
  RecommendationInputs in = healthy();
  in.drop_rate = 0.01;
  EXPECT_EQ(recommend(in).verdict, Verdict::kMeetsSlo);
  in.drop_rate = 0.0101;
  const Recommendation r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kNotCapacityBound);
  EXPECT_TRUE(has_reason(r, "dropped or failed 1.0% of requests (> 1.0%)"));
}

TEST(Recommendation, Rule2EdgeUtilisationThreshold) {
  RecommendationInputs in = healthy();
  in.slo_attainment = 0.9;
  in.utilisation_by_tier["edge"] = 0.7999;
  EXPECT_EQ(recommend(in).verdict, Verdict::kNotCapacityBound);
  in.utilisation_by_tier["edge"] = 0.80;
  const Recommendation r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kScaleOutEdgeTier);
  EXPECT_EQ(r.tier, "edge");
  EXPECT_EQ(r.summary, "scale out edge tier");
  EXPECT_TRUE(has_reason(r, "edge tier utilisation 80.0% >= 80.0%"));
}

TEST(Recommendation, Rule2EdgeQueueGrowthThreshold) {
  RecommendationInputs in = healthy();
  in.slo_attainment = 0.9;
  in.queue_growth_by_tier["edge"] = 1.49;
  EXPECT_EQ(recommend(in).verdict, Verdict::kNotCapacityBound);
  in.queue_growth_by_tier["edge"] = 1.5;
  const Recommendation r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kScaleOutEdgeTier);
  EXPECT_TRUE(has_reason(r, "edge tier queue grew 1.50x between run halves (>= 1.50x)"));
}

TEST(Recommendation, Rule1FiresWhenEveryConditionHolds) {
  const Recommendation r = recommend(offloadable());
  EXPECT_EQ(r.verdict, Verdict::kMoveHeavyModelsToCloud);
  EXPECT_EQ(r.summary, "move heavy models to cloud");
  EXPECT_TRUE(has_reason(r, "cloud tier utilisation 50.0% <= 50.0% (spare capacity)"));
  EXPECT_TRUE(has_reason(r, "heavy models use 50.0% of edge compute (>= 50.0%)"));
  EXPECT_TRUE(has_reason(r, "cloud round trip 50.0 ms < SLO target 100.0 ms"));
}

TEST(Recommendation, Rule1FallsBackToScaleOutEdgeWhenAnyConditionFails) {
  RecommendationInputs in = offloadable();
  in.utilisation_by_tier["cloud"] = 0.5001;  // cloud not spare
  EXPECT_EQ(recommend(in).verdict, Verdict::kScaleOutEdgeTier);
  in = offloadable();
  in.heavy_model_edge_share = 0.4999;
  EXPECT_EQ(recommend(in).verdict, Verdict::kScaleOutEdgeTier);
  in = offloadable();
  in.heavy_model_edge_share = NAN;  // unknown
  EXPECT_EQ(recommend(in).verdict, Verdict::kScaleOutEdgeTier);
  in = offloadable();
  in.cloud_rtt_s = 0.1;  // a round trip as long as the SLO leaves no time to compute
  EXPECT_EQ(recommend(in).verdict, Verdict::kScaleOutEdgeTier);
  in = offloadable();
  in.utilisation_by_tier.erase("cloud");  // no cloud tier
  EXPECT_EQ(recommend(in).verdict, Verdict::kScaleOutEdgeTier);
  in = offloadable();
  in.slo_attainment = 0.96;  // SLO met: nothing to fix
  EXPECT_EQ(recommend(in).verdict, Verdict::kMeetsSlo);
}

TEST(Recommendation, Rule3ScalesOutTheHottestOtherTier) {
  RecommendationInputs in = healthy();
  in.slo_attainment = 0.9;
  in.utilisation_by_tier = {{"edge", 0.5}, {"fog", 0.85}, {"cloud", 0.9}};
  Recommendation r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kScaleOutTier);
  EXPECT_EQ(r.tier, "cloud");
  EXPECT_EQ(r.summary, "scale out cloud tier");
  // A tier hot by queue growth alone (utilisation 20%).
  in.utilisation_by_tier = {{"edge", 0.5}, {"fog", 0.2}, {"cloud", 0.3}};
  in.queue_growth_by_tier = {{"fog", 2.0}};
  r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kScaleOutTier);
  EXPECT_EQ(r.tier, "fog");
}

TEST(Recommendation, Rule4NamesNoTier) {
  RecommendationInputs in = healthy();
  in.slo_attainment = 0.5;
  const Recommendation r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kNotCapacityBound);
  EXPECT_TRUE(r.tier.empty());
  EXPECT_STREQ(verdict_name(r.verdict), "not_capacity_bound");
}

TEST(Recommendation, Rule5ColdUtilisationThreshold) {
  RecommendationInputs in = healthy();
  in.utilisation_by_tier = {{"edge", 0.3}, {"cloud", 0.1}};
  const Recommendation r = recommend(in);
  EXPECT_EQ(r.verdict, Verdict::kFleetOverProvisioned);
  EXPECT_TRUE(has_reason(r, "busiest tier edge at 30.0% utilisation <= 30.0%"));
  in.utilisation_by_tier["edge"] = 0.3001;
  EXPECT_EQ(recommend(in).verdict, Verdict::kMeetsSlo);
  in.utilisation_by_tier.clear();  // no utilisation measured: not called over-provisioned
  EXPECT_EQ(recommend(in).verdict, Verdict::kMeetsSlo);
}

TEST(Recommendation, ThresholdsAreConfigurable) {
  RecommendationInputs in = healthy();
  RecommendationThresholds th;
  th.slo_attainment_target = 0.99;
  th.hot_utilisation = 0.6;
  in.slo_attainment = 0.97;
  EXPECT_EQ(recommend(in, th).verdict, Verdict::kScaleOutEdgeTier);
}

}  // namespace
}  // namespace edgefleet::metrics
