#pragma once
// Time-weighted statistics of a piecewise-constant signal: a value that changes at event times
// and holds in between (busy cores, queue length, power draw).
//
// The observation window is [t0, t1]: t0 is fixed at construction (e.g. the end of warm-up),
// t1 is given when the statistic is read. Updates before t0 only change the current value;
// a value set at time t holds on [t, next update). Times must be non-decreasing.
//
//   mean over [t0, t1] = (1 / (t1 - t0)) * sum_i value_i * (end_i - start_i)
//
// with each holding interval clipped to [t0, t1]. Each update is O(1) and a gauge is 48 bytes,
// affordable per host for a million hosts.
#include <cstdint>
#include <vector>

namespace edgefleet::metrics {

class TimeWeightedGauge {
 public:
  // Starts observing at t0_s (seconds) with the signal equal to `initial_value`.
  explicit TimeWeightedGauge(double t0_s = 0.0, double initial_value = 0.0);

  // The signal becomes `value` at time t_s. Throws std::invalid_argument if t_s is earlier than
  // the previous update or either argument is not finite.
  void set(double t_s, double value);
  // set(t_s, current value + delta): for "one more request queued" style updates.
  void add(double t_s, double delta) { set(t_s, value_ + delta); }

  double value() const { return value_; }
  double t0_s() const { return t0_s_; }
  // Time of the last set() (-inf before the first one).
  double last_update_s() const { return last_t_s_; }
  // Time-weighted mean over [t0, t1]; t1_s must be >= t0 and >= the last update (else
  // std::invalid_argument). NaN when t1_s == t0 (an empty window has no mean).
  double mean(double t1_s) const;
  // Integral of the signal over [t0, t1] (value-unit x seconds, e.g. core-seconds).
  double integral(double t1_s) const;
  // Extremes of the values the signal took inside the window, including values held for zero
  // time (two updates at the same instant): a momentary peak is still a peak.
  double min() const { return min_; }
  double max() const { return max_; }

 private:
  double t0_s_;
  double last_t_s_;      // time of the last update
  double value_;         // current value
  double integral_ = 0;  // integral over [t0, max(t0, last_t_s_)]
  double min_;
  double max_;
};

// Time-weighted percentiles of a non-negative integer signal (queue length, busy cores).
//
// Keeps the time spent at each level (a vector indexed by level, so memory is O(max level));
// updates are O(1) amortised. Percentile definition (a "time-weighted nearest rank"): the
// p-quantile is the smallest level L such that the signal spent at least a fraction p of the
// window at levels <= L. So with 1 s at 0 and 1 s at 4, p50 = 0 and p51 = 4; p = 0 gives the
// lowest level held for positive time; p = 1 the highest.
class TimeWeightedLevel {
 public:
  explicit TimeWeightedLevel(double t0_s = 0.0, std::uint32_t initial_level = 0);

  // Throws std::invalid_argument as TimeWeightedGauge::set does.
  void set(double t_s, std::uint32_t level);
  // Moves the level by `delta`; throws std::invalid_argument if it would go below zero.
  void add(double t_s, std::int64_t delta);

  std::uint32_t level() const { return level_; }
  const TimeWeightedGauge& gauge() const { return gauge_; }
  double mean(double t1_s) const { return gauge_.mean(t1_s); }
  double max() const { return gauge_.max(); }
  // Time-weighted percentile over [t0, t1] for p in [0, 1] (see class comment). NaN for an
  // empty window.
  double percentile(double p, double t1_s) const;
  // Seconds spent at each level in [t0, last update]; index = level.
  const std::vector<double>& seconds_at_level() const { return seconds_at_level_; }

 private:
  void accumulate_until(double t_s);

  TimeWeightedGauge gauge_;
  std::uint32_t level_;
  double accounted_until_s_;  // seconds_at_level_ covers [t0, accounted_until_s_]
  std::vector<double> seconds_at_level_;
};

// Snapshot of a TimeWeightedLevel over [t0, t1], in the signal's unit (e.g. requests queued,
// busy cores). NaN fields for an empty window.
struct LevelStats {
  double mean = 0.0;  // time-weighted mean, signal unit
  double p50 = 0.0;   // time-weighted median, signal unit
  double p95 = 0.0;   // time-weighted 95th percentile, signal unit
  double max = 0.0;   // largest value reached (even momentarily), signal unit
};
LevelStats level_stats(const TimeWeightedLevel& level, double t1_s);

}  // namespace edgefleet::metrics
