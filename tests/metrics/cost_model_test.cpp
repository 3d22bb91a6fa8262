#include "metrics/cost_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace edgefleet::metrics {
namespace {

// Two classes, hand-computed at $0.20/kWh, 36-month lifetime, $0.09/GB egress:
//   edge: 10 x orin, $720 each, 15 W, owned
//     capex  = 10 * 720 / 36             = 200
//     energy = 10 * 15 * 730 * 0.20/1000 = 21.9
//   cloud: 2 x g4dn at $0.50/h, 300 W, energy included in the hourly price
//     cloud  = 2 * 0.5 * 730             = 730
//     network = 500e9 B / 1e9 * 0.09     = 45
//   totals: edge 221.9, cloud 775, fleet 996.9
CostInputs two_class_fleet() {
  CostInputs in;
  in.usd_per_kwh = 0.20;
  in.egress_usd_per_gb = 0.09;
  in.classes.push_back({"orin", "edge", 10, 720.0, 0.0, 15.0, false});
  in.classes.push_back({"g4dn", "cloud", 2, 0.0, 0.5, 300.0, true});
  in.monthly_egress_bytes_by_tier["cloud"] = 500e9;
  return in;
}

TEST(CostModel, HandComputedTwoClassFleet) {
  const FleetCost f = monthly_cost(two_class_fleet());
  ASSERT_EQ(f.by_tier.size(), 2u);
  const CostBreakdown& edge = f.by_tier.at("edge");
  EXPECT_DOUBLE_EQ(edge.capex_usd, 200.0);
  EXPECT_DOUBLE_EQ(edge.energy_usd, 21.9);
  EXPECT_DOUBLE_EQ(edge.cloud_usd, 0.0);
  EXPECT_DOUBLE_EQ(edge.network_usd, 0.0);
  EXPECT_DOUBLE_EQ(edge.total_usd, 221.9);
  const CostBreakdown& cloud = f.by_tier.at("cloud");
  EXPECT_DOUBLE_EQ(cloud.capex_usd, 0.0);
  EXPECT_DOUBLE_EQ(cloud.energy_usd, 0.0);
  EXPECT_DOUBLE_EQ(cloud.cloud_usd, 730.0);
  EXPECT_DOUBLE_EQ(cloud.network_usd, 45.0);
  EXPECT_DOUBLE_EQ(cloud.total_usd, 775.0);
  EXPECT_DOUBLE_EQ(f.total.capex_usd, 200.0);
  EXPECT_DOUBLE_EQ(f.total.energy_usd, 21.9);
  EXPECT_DOUBLE_EQ(f.total.cloud_usd, 730.0);
  EXPECT_DOUBLE_EQ(f.total.network_usd, 45.0);
  EXPECT_DOUBLE_EQ(f.total.total_usd, 996.9);
}

TEST(CostModel, LifetimeAndEnergyFlagChangeOnlyTheirTerms) {
  CostInputs in = two_class_fleet();
  in.lifetime_months = 24;                       // capex: 10 * 720 / 24 = 300
  in.classes[1].energy_in_hourly_price = false;  // + 2 * 300 * 730 * 0.2 / 1000 = 87.6
  const FleetCost f = monthly_cost(in);
  EXPECT_DOUBLE_EQ(f.by_tier.at("edge").capex_usd, 300.0);
  EXPECT_DOUBLE_EQ(f.by_tier.at("cloud").energy_usd, 87.6);
  EXPECT_DOUBLE_EQ(f.by_tier.at("cloud").cloud_usd, 730.0);
}

TEST(CostModel, RejectsInvalidInputs) {
  CostInputs in = two_class_fleet();
  in.lifetime_months = 0;
  EXPECT_THROW(monthly_cost(in), std::invalid_argument);
  in = two_class_fleet();
  in.classes[0].purchase_usd = -1;
  EXPECT_THROW(monthly_cost(in), std::invalid_argument);
  in = two_class_fleet();
  in.monthly_egress_bytes_by_tier["edge"] = NAN;
  EXPECT_THROW(monthly_cost(in), std::invalid_argument);
}

TEST(CostModel, MonthlyScalingAndCostPerMillion) {
  EXPECT_DOUBLE_EQ(per_month(100.0, 3600.0), 73000.0);  // 100 per hour * 730 h
  EXPECT_TRUE(std::isnan(per_month(1.0, 0.0)));
  EXPECT_DOUBLE_EQ(usd_per_million_inferences(50.0, 10e6), 5.0);
  EXPECT_TRUE(std::isinf(usd_per_million_inferences(50.0, 0.0)));
  EXPECT_TRUE(std::isnan(usd_per_million_inferences(0.0, 0.0)));
}

}  // namespace
}  // namespace edgefleet::metrics
