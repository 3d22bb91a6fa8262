#include "metrics/latency_summary.hpp"

#include "metrics/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace edgefleet::metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Neumaier's variant of Kahan summation: exact enough that the mean does not depend on how
// many samples were recorded before a small one.
void compensated_add(double& sum, double& compensation, double x) {
  const double t = sum + x;
  if (std::fabs(sum) >= std::fabs(x)) {
    compensation += (sum - t) + x;
  } else {
    compensation += (x - t) + sum;
  }
  sum = t;
}

}  // namespace

void check_latency(double latency_s) {
  if (!std::isfinite(latency_s) || latency_s < 0.0) {
    throw std::invalid_argument(
        "latency must be finite and >= 0, got " +
        (std::isfinite(latency_s) ? format_number(latency_s) : "non-finite"));
  }
}

void LatencySummary::record(double latency_s) {
  check_latency(latency_s);
  if (sorted_ && !samples_.empty() && latency_s < samples_.back()) sorted_ = false;
  samples_.push_back(latency_s);
  compensated_add(sum_, compensation_, latency_s);
}

void LatencySummary::merge(const LatencySummary& other) {
  const std::vector<double> incoming = other.samples_;  // a copy: merging with itself is legal
  samples_.reserve(samples_.size() + incoming.size());
  for (double x : incoming) record(x);
}

double LatencySummary::mean_s() const {
  if (samples_.empty()) return kNaN;
  return (sum_ + compensation_) / static_cast<double>(samples_.size());
}

void LatencySummary::ensure_sorted() const {
  if (!sorted_) {
    std::sort(samples_.begin(), samples_.end());
    sorted_ = true;
  }
}

double LatencySummary::percentile(double p) const {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument("LatencySummary::percentile: p must be in [0, 1]");
  }
  if (samples_.empty()) return kNaN;
  ensure_sorted();
  const double h = static_cast<double>(samples_.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= samples_.size()) return samples_.back();
  const double frac = h - static_cast<double>(lo);
  return samples_[lo] + frac * (samples_[lo + 1] - samples_[lo]);
}

double LatencySummary::fraction_below(double threshold_s) const {
  if (samples_.empty()) return kNaN;
  ensure_sorted();
  const auto it = std::upper_bound(samples_.begin(), samples_.end(), threshold_s);
  return static_cast<double>(it - samples_.begin()) / static_cast<double>(samples_.size());
}

LatencyStats LatencySummary::stats() const {
  LatencyStats s;
  s.count = count();
  if (samples_.empty()) {
    s.mean_s = s.min_s = s.p50_s = s.p90_s = s.p95_s = s.p99_s = s.max_s = kNaN;
    return s;
  }
  ensure_sorted();
  s.mean_s = mean_s();
  s.min_s = samples_.front();
  s.max_s = samples_.back();
  s.p50_s = percentile(0.50);
  s.p90_s = percentile(0.90);
  s.p95_s = percentile(0.95);
  s.p99_s = percentile(0.99);
  return s;
}

double slo_attainment(const LatencySummary& served, double slo_target_s,
                      std::uint64_t requests_total) {
  if (requests_total < served.count()) {
    throw std::invalid_argument("slo_attainment: fewer requests than served samples");
  }
  if (requests_total == 0) return kNaN;
  if (served.empty()) return 0.0;
  const double within = served.fraction_below(slo_target_s) * static_cast<double>(served.count());
  return std::round(within) / static_cast<double>(requests_total);
}

}  // namespace edgefleet::metrics
