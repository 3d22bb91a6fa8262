#include "metrics/scores.hpp"

#include <algorithm>
#include <cmath>

namespace edgefleet::metrics {
namespace {

double clamp01(double x) {
  return std::isnan(x) ? 0.0 : std::clamp(x, 0.0, 1.0);
}

}  // namespace

double performance_score(const PerformanceInputs& in) {
  if (std::isnan(in.p95_s) || std::isnan(in.slo_attainment) || !(in.slo_target_s > 0.0)) {
    return 0.0;
  }
  const double latency_part = in.p95_s <= in.slo_target_s ? 1.0 : in.slo_target_s / in.p95_s;
  return 100.0 * (0.5 * latency_part + 0.5 * clamp01(in.slo_attainment));
}

double scalability_score(const ScalabilityInputs& in) {
  if (std::isnan(in.busiest_tier_utilisation) || std::isnan(in.queue_growth_ratio)) return 0.0;
  const double headroom = clamp01((1.0 - in.busiest_tier_utilisation) / (1.0 - 0.5));
  const double stability = clamp01((2.0 - in.queue_growth_ratio) / (2.0 - 1.2));
  return 100.0 * std::min(headroom, stability);
}

double queue_growth_ratio(double mean_queue_first_half, double mean_queue_second_half) {
  return (mean_queue_second_half + 1.0) / (mean_queue_first_half + 1.0);
}

std::optional<double> federated_score(const FederatedInputs& in) {
  if (!in.ran || in.rounds_run <= 0) return std::nullopt;
  const double accuracy =
      in.target_accuracy > 0.0 ? clamp01(in.final_accuracy / in.target_accuracy) : 0.0;
  double speed = 0.0;
  if (in.rounds_to_target && *in.rounds_to_target >= 1) {
    speed = clamp01(1.0 - static_cast<double>(*in.rounds_to_target - 1) / in.rounds_run);
  }
  return 100.0 * (0.5 * accuracy + 0.3 * speed + 0.2 * clamp01(in.participation_rate));
}

double cost_efficiency_score(double usd_per_million, double reference_usd_per_million) {
  if (!std::isfinite(usd_per_million) || usd_per_million < 0.0) return 0.0;
  if (usd_per_million <= reference_usd_per_million) return 100.0;
  return 100.0 * reference_usd_per_million / usd_per_million;
}

}  // namespace edgefleet::metrics
