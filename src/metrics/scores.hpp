#pragma once
// Sizing-calculator scores, each in [0, 100] (100 = best), as pure functions of run numbers.
// The formulas are deliberately simple and piecewise linear so a reader can recompute them.
#include <optional>

namespace edgefleet::metrics {

// --- Performance -------------------------------------------------------------------------
// latency_part    = 100 * min(1, slo_target_s / p95_s)   (100 when p95 <= target)
// attainment_part = 100 * slo_attainment
// performance     = 0.5 * latency_part + 0.5 * attainment_part
// NaN inputs (no requests) give 0: an unmeasured fleet does not score.
struct PerformanceInputs {
  double p95_s = 0.0;           // 95th-percentile end-to-end latency, seconds
  double slo_target_s = 0.0;    // latency SLO target, seconds (> 0)
  double slo_attainment = 0.0;  // fraction of all requests served within the target, [0, 1]
};
double performance_score(const PerformanceInputs& in);

// --- Scalability -------------------------------------------------------------------------
// headroom_part  = 100 * clamp((1 - u) / (1 - 0.5), 0, 1)   u = busiest tier's utilisation:
//                  100 up to 50% busy, 0 at 100% busy.
// stability_part = 100 * clamp((2 - g) / (2 - 1.2), 0, 1)  g = queue growth ratio:
//                  100 up to 1.2x, 0 at 2x (a queue that doubles between run halves diverges).
// scalability    = min(headroom_part, stability_part)       (the tighter constraint wins)
struct ScalabilityInputs {
  double busiest_tier_utilisation = 0.0;  // mean busy cores / cores of the busiest tier, [0, 1]
  double queue_growth_ratio = 1.0;        // see queue_growth_ratio(), dimensionless, 1 = stable
};
double scalability_score(const ScalabilityInputs& in);

// How much a queue grew between the first and second half of the run:
//   g = (mean_second_half + 1) / (mean_first_half + 1)
// The +1 (one request) keeps near-empty queues from producing huge ratios (0 -> 0.2 is 1.2x).
double queue_growth_ratio(double mean_queue_first_half, double mean_queue_second_half);

// --- Federated learning ------------------------------------------------------------------
// accuracy_part      = min(1, final_accuracy / target_accuracy)
// speed_part         = 1 - (rounds_to_target - 1) / rounds_run  if the target was reached
//                      (round 1 -> 1, last round -> 1 / rounds_run), else 0
// participation_part = participation_rate
// federated          = 100 * (0.5 * accuracy_part + 0.3 * speed_part + 0.2 * participation_part)
// nullopt ("n/a") when FL did not run (ran == false or rounds_run == 0).
struct FederatedInputs {
  bool ran = false;                     // whether the scenario ran federated learning
  double final_accuracy = 0.0;          // global-model test accuracy at the end, [0, 1]
  double target_accuracy = 1.0;         // accuracy the scenario aims for, (0, 1]
  int rounds_run = 0;                   // FL rounds completed
  std::optional<int> rounds_to_target;  // first round (1-based) reaching the target
  double participation_rate = 0.0;      // clients that reported / clients selected, [0, 1]
};
std::optional<double> federated_score(const FederatedInputs& in);

// --- Cost efficiency ---------------------------------------------------------------------
// cost_efficiency = 100 * min(1, reference / usd_per_million)   (100 at or below the reference)
// 0 for NaN or infinite cost (no inferences). Default reference: 5 USD per million inferences,
// roughly a $1/h cloud GPU serving 55 inferences/s around the clock.
inline constexpr double kReferenceUsdPerMillionInferences = 5.0;
double cost_efficiency_score(double usd_per_million_inferences,
                             double reference_usd_per_million = kReferenceUsdPerMillionInferences);

// All scores of a run, each in [0, 100]; federated is nullopt ("n/a") when FL did not run.
struct Scores {
  double performance = 0.0;         // see performance_score, points out of 100
  double scalability = 0.0;         // see scalability_score, points out of 100
  std::optional<double> federated;  // see federated_score, points out of 100, or n/a
  double cost_efficiency = 0.0;     // see cost_efficiency_score, points out of 100
};

}  // namespace edgefleet::metrics
