#pragma once
// Everything the serving path measures, fed one event at a time by the simulator (sim/serving)
// and summarised into summary.json's "serving" section. Pure: no SimGrid.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "metrics/counters.hpp"
#include "metrics/grouped_latency.hpp"
#include "metrics/json_summary.hpp"
#include "metrics/latency_summary.hpp"
#include "metrics/scores.hpp"
#include "metrics/served_latencies.hpp"
#include "metrics/time_weighted.hpp"

namespace edgefleet::metrics {

inline constexpr std::array<const char*, 4> kTierNames = {"device", "edge", "fog", "cloud"};
inline constexpr std::array<const char*, 4> kPriorityNames = {"low", "medium", "high", "critical"};

struct ServedRequest {
  int tier;      // index into kTierNames: where the (first) model ran
  int priority;  // index into kPriorityNames
  std::string_view model;
  std::string_view placement;  // single | split | cascade | ensemble
  double latency_s;
  double slo_latency_s;
  double accuracy;
};

class ServingCollector {
 public:
  // `slots_by_tier`: total serving slots of each tier (for utilisation).
  ServingCollector(double t0_s, std::array<double, 4> slots_by_tier);

  void served(const ServedRequest& r);
  void dropped(std::string_view reason) { outcomes_.count(Outcome::kDropped, reason); }
  void failed(std::string_view reason) { outcomes_.count(Outcome::kFailed, reason); }
  void bytes(std::string_view link_class, double amount) { bytes_.add(link_class, amount); }
  void busy_slots_changed(double t_s, int tier, int delta) { busy_[tier].add(t_s, delta); }
  void queue_changed(double t_s, int tier, int delta) { queued_[tier].add(t_s, delta); }
  void retried() { ++retries_; }
  // Remembers each tier's mean queue so far, so queue growth can compare the run's two halves.
  void mark_half(double t_s);
  // queue_growth_ratio() of the tier's mean queue, second half over first half; 1 before
  // mark_half was called.
  double queue_growth(int tier, double t1_s) const;

  const OutcomeCounters& outcomes() const { return outcomes_; }
  // Every served latency; built on demand (an O(n) copy): query it once, at the end.
  LatencySummary overall() const { return latencies_.overall(); }
  // overall().stats(), computed once per batch of records (summary() and sizing both need it).
  const LatencyStats& overall_stats() const;
  std::uint64_t served_count() const { return latencies_.count(); }
  std::uint64_t slo_met() const { return slo_met_; }
  // Served within the SLO / all requests (dropped and failed requests count as misses).
  double slo_attainment() const;
  double utilisation(int tier, double t1_s) const;

  // summary.json "serving" section. `t1_s` is the end of the measured window.
  Json summary(double t1_s, std::array<double, 4> energy_j_by_tier) const;

 private:
  ServedLatencies latencies_;
  mutable std::optional<LatencyStats> overall_stats_;
  OutcomeCounters outcomes_;
  TotalsByName bytes_;
  MeanAccumulator accuracy_;
  std::uint64_t slo_met_ = 0;
  std::uint64_t retries_ = 0;
  std::array<double, 4> slots_by_tier_;
  std::array<TimeWeightedGauge, 4> busy_;
  std::array<TimeWeightedLevel, 4> queued_;
  double t0_s_;
  double half_s_ = -1;
  std::array<double, 4> half_mean_queue_{};
};

}  // namespace edgefleet::metrics
