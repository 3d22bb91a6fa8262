#pragma once
// The sizing calculator's verdict for one run: the four scores and the recommendation, from the
// run's serving figures. Pure; the formulas live in scores.hpp and recommendation.hpp.
#include <map>
#include <optional>
#include <string>

#include "metrics/recommendation.hpp"
#include "metrics/scores.hpp"

namespace edgefleet::metrics {

struct SizingInputs {
  double p95_s = 0;           // served requests, seconds
  double slo_target_s = 0;    // the tightest workload SLO, seconds
  double slo_attainment = 0;  // fraction of all requests served within their SLO
  double drop_rate = 0;       // (dropped + failed) / all requests
  std::map<std::string, double> utilisation_by_tier;   // tiers with serving slots in use
  std::map<std::string, double> queue_growth_by_tier;  // queue_growth_ratio()
  double usd_per_million_inferences = 0;
  double cloud_rtt_s = 0;     // device -> cloud -> device from link figures; NaN without a cloud
  FederatedInputs federated;  // ran = false when the scenario has no federated learning
};

struct Sizing {
  Scores scores;
  Recommendation recommendation;
};

Sizing assess_sizing(const SizingInputs& in);

}  // namespace edgefleet::metrics
