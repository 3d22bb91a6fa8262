#include "metrics/serving_collector.hpp"

namespace edgefleet::metrics {

ServingCollector::ServingCollector(double t0_s, std::array<double, 4> slots_by_tier)
    : slots_by_tier_(slots_by_tier),
      busy_{TimeWeightedGauge(t0_s), TimeWeightedGauge(t0_s), TimeWeightedGauge(t0_s),
            TimeWeightedGauge(t0_s)},
      queued_{TimeWeightedLevel(t0_s), TimeWeightedLevel(t0_s), TimeWeightedLevel(t0_s),
              TimeWeightedLevel(t0_s)},
      t0_s_(t0_s) {}

void ServingCollector::served(const ServedRequest& r) {
  outcomes_.count(Outcome::kServed, r.placement);
  latencies_.record(r.tier, r.priority, r.model, r.placement, r.latency_s);
  overall_stats_.reset();
  accuracy_.add(r.accuracy);
  if (r.latency_s <= r.slo_latency_s) ++slo_met_;
}

const LatencyStats& ServingCollector::overall_stats() const {
  if (!overall_stats_) overall_stats_ = latencies_.overall().stats();
  return *overall_stats_;
}

double ServingCollector::slo_attainment() const {
  const auto total = outcomes_.total();
  return total == 0 ? 0.0 : static_cast<double>(slo_met_) / static_cast<double>(total);
}

double ServingCollector::utilisation(int tier, double t1_s) const {
  return slots_by_tier_[tier] > 0 ? busy_[tier].mean(t1_s) / slots_by_tier_[tier] : 0.0;
}

void ServingCollector::mark_half(double t_s) {
  half_s_ = t_s;
  for (int t = 0; t < 4; ++t) half_mean_queue_[t] = queued_[t].mean(t_s);
}

double ServingCollector::queue_growth(int tier, double t1_s) const {
  if (half_s_ <= t0_s_ || t1_s <= half_s_) return 1.0;
  const double first = half_mean_queue_[tier];
  const double whole = queued_[tier].mean(t1_s);
  const double second = (whole * (t1_s - t0_s_) - first * (half_s_ - t0_s_)) / (t1_s - half_s_);
  return queue_growth_ratio(first, second);
}

Json ServingCollector::summary(double t1_s, std::array<double, 4> energy_j_by_tier) const {
  Json j;
  const double window_s = t1_s - t0_s_;
  j["requests"] = to_json(outcomes_, window_s);
  j["slo_attainment"] = json_number(slo_attainment());
  j["retries"] = retries_;
  // One breakdown at a time, so the end-of-run peak holds one copy of the samples.
  j["latency_s"] = to_json(overall_stats());
  j["latency_by_tier_s"] = to_json(latencies_.by_tier(kTierNames));
  j["latency_by_priority_s"] =
      to_json(latencies_.by_priority(), [](int p) { return std::string(kPriorityNames[p]); });
  j["latency_by_model_s"] = to_json(latencies_.by_model());
  j["latency_by_placement_s"] = to_json(latencies_.by_placement());
  j["mean_accuracy"] = json_number(accuracy_.mean());
  j["bytes_by_link_class"] = to_json(bytes_);
  Json tiers = Json::object();
  for (int t = 0; t < 4; ++t) {
    tiers[kTierNames[t]] = {{"slots", json_number(slots_by_tier_[t])},
                            {"utilisation", json_number(utilisation(t, t1_s))},
                            {"queue_length", to_json(level_stats(queued_[t], t1_s))},
                            {"queue_growth", json_number(queue_growth(t, t1_s))},
                            {"energy_j", json_number(energy_j_by_tier[t])}};
  }
  j["tiers"] = tiers;
  return j;
}

}  // namespace edgefleet::metrics
