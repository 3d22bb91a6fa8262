#include "metrics/sizing.hpp"

#include <algorithm>

namespace edgefleet::metrics {

Sizing assess_sizing(const SizingInputs& in) {
  Sizing out;
  out.scores.performance = performance_score({in.p95_s, in.slo_target_s, in.slo_attainment});
  ScalabilityInputs sc;
  for (const auto& [tier, u] : in.utilisation_by_tier)
    sc.busiest_tier_utilisation = std::max(sc.busiest_tier_utilisation, u);
  for (const auto& [tier, g] : in.queue_growth_by_tier)
    sc.queue_growth_ratio = std::max(sc.queue_growth_ratio, g);
  out.scores.scalability = scalability_score(sc);
  out.scores.federated = federated_score(in.federated);
  out.scores.cost_efficiency = cost_efficiency_score(in.usd_per_million_inferences);

  RecommendationInputs r;
  r.p95_s = in.p95_s;
  r.slo_target_s = in.slo_target_s;
  r.slo_attainment = in.slo_attainment;
  r.drop_rate = in.drop_rate;
  r.utilisation_by_tier = in.utilisation_by_tier;
  r.queue_growth_by_tier = in.queue_growth_by_tier;
  r.cloud_rtt_s = in.cloud_rtt_s;
  out.recommendation = recommend(r);
  return out;
}

}  // namespace edgefleet::metrics
