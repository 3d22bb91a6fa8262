#include "federated/availability.hpp"

#include <algorithm>

#include "core/random_draws.hpp"

namespace edgefleet::federated {

AvailabilityTrace::AvailabilityTrace(double mean_online_s, double mean_offline_s,
                                     std::uint64_t seed, std::int64_t client)
    : mean_online_s_(mean_online_s),
      mean_offline_s_(mean_offline_s),
      rng_(core::make_stream(seed, core::StreamPurpose::kFailures,
                             static_cast<std::uint64_t>(client))) {
  if (mean_online_s_ <= 0) return;
  // Stationary start: online with probability on / (on + off); by memorylessness the residual
  // time of the current period is again exponential with that period's mean.
  first_online_ = core::uniform01(rng_) < mean_online_s_ / (mean_online_s_ + mean_offline_s_);
}

void AvailabilityTrace::extend_past(double t_s) {
  while (period_end_s_.empty() || period_end_s_.back() <= t_s) {
    const bool online = (period_end_s_.size() % 2 == 0) == first_online_;
    const double mean_s = online ? mean_online_s_ : mean_offline_s_;
    const double start_s = period_end_s_.empty() ? 0.0 : period_end_s_.back();
    period_end_s_.push_back(start_s + core::draw_exponential(rng_, 1.0 / mean_s));
  }
}

std::size_t AvailabilityTrace::period_of(double t_s) {
  extend_past(t_s);
  return static_cast<std::size_t>(
      std::upper_bound(period_end_s_.begin(), period_end_s_.end(), t_s) - period_end_s_.begin());
}

bool AvailabilityTrace::online_at(double t_s) {
  if (mean_online_s_ <= 0) return true;
  return (period_of(t_s) % 2 == 0) == first_online_;
}

bool AvailabilityTrace::online_throughout(double t0_s, double t1_s) {
  if (mean_online_s_ <= 0) return true;
  const std::size_t p = period_of(t0_s);
  return (p % 2 == 0) == first_online_ && period_of(t1_s) == p;
}

}  // namespace edgefleet::federated
