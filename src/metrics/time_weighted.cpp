#include "metrics/time_weighted.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace edgefleet::metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void require_finite(double x, const char* what) {
  if (!std::isfinite(x))
    throw std::invalid_argument(std::string("TimeWeighted: non-finite ") + what);
}

}  // namespace

TimeWeightedGauge::TimeWeightedGauge(double t0_s, double initial_value)
    : t0_s_(t0_s),
      last_t_s_(-std::numeric_limits<double>::infinity()),
      value_(initial_value),
      min_(initial_value),
      max_(initial_value) {
  require_finite(t0_s, "t0");
  require_finite(initial_value, "value");
}

void TimeWeightedGauge::set(double t_s, double value) {
  require_finite(t_s, "time");
  require_finite(value, "value");
  if (t_s < last_t_s_) throw std::invalid_argument("TimeWeightedGauge::set: time went backwards");
  if (t_s > t0_s_) {
    // The previous value held on [max(t0, last update), t].
    integral_ += value_ * (t_s - std::max(last_t_s_, t0_s_));
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  } else {
    // Warm-up (or exactly t0): the window's extremes start from the value current at t0.
    min_ = max_ = value;
  }
  last_t_s_ = t_s;
  value_ = value;
}

double TimeWeightedGauge::integral(double t1_s) const {
  require_finite(t1_s, "time");
  const double from = std::max(last_t_s_, t0_s_);
  if (t1_s < from) {
    throw std::invalid_argument("TimeWeightedGauge: window end is before t0 or the last update");
  }
  return integral_ + value_ * (t1_s - from);
}

double TimeWeightedGauge::mean(double t1_s) const {
  const double area = integral(t1_s);
  if (t1_s <= t0_s_) return kNaN;
  return area / (t1_s - t0_s_);
}

TimeWeightedLevel::TimeWeightedLevel(double t0_s, std::uint32_t initial_level)
    : gauge_(t0_s, initial_level), level_(initial_level), accounted_until_s_(t0_s) {}

void TimeWeightedLevel::accumulate_until(double t_s) {
  if (t_s <= accounted_until_s_) return;
  if (seconds_at_level_.size() <= level_) seconds_at_level_.resize(level_ + 1, 0.0);
  seconds_at_level_[level_] += t_s - accounted_until_s_;
  accounted_until_s_ = t_s;
}

void TimeWeightedLevel::set(double t_s, std::uint32_t level) {
  gauge_.set(t_s, level);  // validates time order first
  accumulate_until(t_s);
  level_ = level;
}

void TimeWeightedLevel::add(double t_s, std::int64_t delta) {
  const std::int64_t next = static_cast<std::int64_t>(level_) + delta;
  if (next < 0 || next > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("TimeWeightedLevel::add: level out of range");
  }
  set(t_s, static_cast<std::uint32_t>(next));
}

double TimeWeightedLevel::percentile(double p, double t1_s) const {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument("TimeWeightedLevel::percentile: p must be in [0, 1]");
  }
  gauge_.integral(t1_s);  // validates t1_s against t0 and the last update
  const double window = t1_s - gauge_.t0_s();
  if (!(window > 0.0)) return kNaN;
  // Time at the current level from the last accounted instant to t1 is not in the vector yet.
  const double pending = t1_s - accounted_until_s_;
  const double target = p * window;
  double cumulative = 0.0;
  std::size_t highest_held = 0;
  const std::size_t levels = std::max<std::size_t>(seconds_at_level_.size(), level_ + 1);
  for (std::size_t l = 0; l < levels; ++l) {
    double at_l = l < seconds_at_level_.size() ? seconds_at_level_[l] : 0.0;
    if (l == level_) at_l += pending;
    if (at_l <= 0.0) continue;  // levels never held for positive time are not quantiles
    cumulative += at_l;
    highest_held = l;
    if (cumulative >= target) return static_cast<double>(l);
  }
  return static_cast<double>(highest_held);  // rounding left cumulative a hair under p * window
}

LevelStats level_stats(const TimeWeightedLevel& level, double t1_s) {
  LevelStats s;
  s.mean = level.mean(t1_s);
  s.p50 = level.percentile(0.50, t1_s);
  s.p95 = level.percentile(0.95, t1_s);
  s.max = std::isnan(s.mean) ? kNaN : level.max();
  return s;
}

}  // namespace edgefleet::metrics
