#pragma once
// The sizing verdict: explicit rules over run numbers, with the reasons that fired.
//
// Facts (thresholds in RecommendationThresholds, defaults in brackets):
//   slo_met      : slo_attainment >= slo_attainment_target [0.95]
//                  and drop_rate <= max_drop_rate [0.01]
//   hot(T)       : utilisation(T) >= hot_utilisation [0.80]
//                  or queue_growth(T) >= queue_growth_alarm [1.5]
//   cloud_spare  : the cloud tier exists and utilisation(cloud) <= cloud_spare_utilisation [0.50]
//   heavy_edge   : heavy_model_edge_share >= heavy_share_alarm [0.50]
//   cloud_fits   : cloud_rtt_s < slo_target_s (a cloud round trip leaves time to compute)
//   all_cold     : every tier's utilisation <= cold_utilisation [0.30]
//
// Rules, first match wins:
//   1. !slo_met and hot(edge) and cloud_spare and heavy_edge and cloud_fits
//        -> kMoveHeavyModelsToCloud  (cheaper than buying edge hardware)
//   2. !slo_met and hot(edge)          -> kScaleOutEdgeTier
//   3. !slo_met and hot(T) for another tier T (highest utilisation first, then name)
//        -> kScaleOutTier (tier = T)
//   4. !slo_met                        -> kNotCapacityBound (no tier saturated: latency comes
//                                        from the network or model size, not from queueing)
//   5. slo_met and all_cold            -> kFleetOverProvisioned
//   6. otherwise                       -> kMeetsSlo
// Tiers missing from the maps are absent: rules needing them do not fire.
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace edgefleet::metrics {

enum class Verdict {
  kMeetsSlo,
  kFleetOverProvisioned,
  kScaleOutEdgeTier,
  kMoveHeavyModelsToCloud,
  kScaleOutTier,
  kNotCapacityBound,
};
// Stable machine-readable name: "meets_slo", "fleet_over_provisioned", "scale_out_edge_tier",
// "move_heavy_models_to_cloud", "scale_out_tier", "not_capacity_bound".
const char* verdict_name(Verdict v);

struct RecommendationThresholds {
  double slo_attainment_target = 0.95;    // fraction of requests within the SLO, [0, 1]
  double max_drop_rate = 0.01;            // dropped + failed over all requests, [0, 1]
  double hot_utilisation = 0.80;          // busy cores / cores, [0, 1]
  double cold_utilisation = 0.30;         // busy cores / cores, [0, 1]
  double cloud_spare_utilisation = 0.50;  // busy cores / cores, [0, 1]
  double queue_growth_alarm = 1.5;        // queue_growth_ratio(), dimensionless
  double heavy_share_alarm = 0.50;        // share of edge busy core-seconds, [0, 1]
};

struct RecommendationInputs {
  double p95_s = 0.0;           // 95th-percentile latency of served requests, seconds
  double slo_target_s = 0.0;    // latency SLO target, seconds
  double slo_attainment = 0.0;  // fraction of ALL requests served within the SLO, [0, 1]
  double drop_rate = 0.0;       // (dropped + failed) / all requests, [0, 1]
  std::map<std::string, double> utilisation_by_tier;   // mean busy cores / cores, [0, 1]
  std::map<std::string, double> queue_growth_by_tier;  // queue_growth_ratio(), dimensionless
  // Share of the edge tier's busy core-seconds spent on models the integrator deems heavy;
  // NaN when unknown (rule 1 then cannot fire).
  double heavy_model_edge_share = std::numeric_limits<double>::quiet_NaN();
  // Device-to-cloud round-trip latency, seconds; NaN when unknown or no cloud tier.
  double cloud_rtt_s = std::numeric_limits<double>::quiet_NaN();
  std::string edge_tier = "edge";    // name of the edge tier in the maps
  std::string cloud_tier = "cloud";  // name of the cloud tier in the maps
};

struct Recommendation {
  Verdict verdict = Verdict::kMeetsSlo;
  std::string tier;                  // the tier to scale out (kScaleOutTier, kScaleOutEdgeTier)
  std::string summary;               // one line for humans, e.g. "scale out edge tier"
  std::vector<std::string> reasons;  // facts behind the verdict, in rule order
};

Recommendation recommend(const RecommendationInputs& in,
                         const RecommendationThresholds& th = RecommendationThresholds{});

}  // namespace edgefleet::metrics
