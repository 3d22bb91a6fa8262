#include "workload/arrival_source.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/random_draws.hpp"

namespace edgefleet::workload {

namespace {

using scenario::ArrivalProcess;
using scenario::ArrivalSpec;

std::int64_t uniform_device(core::Rng& rng, std::int64_t n) {
  return std::min<std::int64_t>(static_cast<std::int64_t>(core::uniform01(rng) * n), n - 1);
}

class PoissonSource : public ArrivalSource {
 public:
  PoissonSource(double total_rate, std::int64_t n, core::Rng rng)
      : rate_(total_rate), n_(n), rng_(rng) {}
  std::optional<Arrival> next(double end_s) override {
    now_ += core::draw_exponential(rng_, rate_);
    if (now_ >= end_s) return std::nullopt;
    return Arrival{now_, uniform_device(rng_, n_)};
  }

 private:
  double rate_;
  std::int64_t n_;
  core::Rng rng_;
  double now_ = 0;
};

class PeriodicSource : public ArrivalSource {
 public:
  PeriodicSource(double period_s, std::int64_t n, std::uint64_t seed, std::uint64_t stream_id)
      : period_(period_s) {
    phase_.resize(static_cast<std::size_t>(n));
    for (std::int64_t d = 0; d < n; ++d) {
      // Each device's phase from its own stream: adding devices does not move the others.
      core::Rng rng = core::make_stream(seed ^ stream_id, core::StreamPurpose::kArrivals,
                                        static_cast<std::uint64_t>(d));
      phase_[d] = core::uniform01(rng) * period_s;
    }
    order_.resize(phase_.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(),
                     [&](std::int64_t a, std::int64_t b) { return phase_[a] < phase_[b]; });
  }
  std::optional<Arrival> next(double end_s) override {
    if (order_.empty()) return std::nullopt;
    const std::int64_t device = order_[position_];
    const double t = phase_[device] + static_cast<double>(cycle_) * period_;
    if (t >= end_s) return std::nullopt;
    if (++position_ == order_.size()) {
      position_ = 0;
      ++cycle_;
    }
    return Arrival{t, device};
  }

 private:
  double period_;
  std::vector<double> phase_;
  std::vector<std::int64_t> order_;
  std::size_t position_ = 0;
  std::int64_t cycle_ = 0;
};

class BurstySource : public ArrivalSource {
 public:
  BurstySource(const ArrivalSpec& s, std::int64_t n, core::Rng rng)
      : rate_(s.rate_per_s * n), on_(s.on_s), cycle_(s.on_s + s.off_s), n_(n), rng_(rng) {}
  std::optional<Arrival> next(double end_s) override {
    // Time advances only through "on" time; map on-time back to wall time of the cycle.
    on_time_ += core::draw_exponential(rng_, rate_);
    const double cycles = std::floor(on_time_ / on_);
    const double t = cycles * cycle_ + (on_time_ - cycles * on_);
    if (t >= end_s) return std::nullopt;
    return Arrival{t, uniform_device(rng_, n_)};
  }

 private:
  double rate_, on_, cycle_;
  std::int64_t n_;
  core::Rng rng_;
  double on_time_ = 0;
};

class DiurnalSource : public ArrivalSource {
 public:
  DiurnalSource(const ArrivalSpec& s, std::int64_t n, core::Rng rng)
      : base_rate_(s.rate_per_s * n), hourly_(s.hourly_multipliers), n_(n), rng_(rng) {
    max_multiplier_ = *std::max_element(hourly_.begin(), hourly_.end());
  }
  std::optional<Arrival> next(double end_s) override {
    if (!(max_multiplier_ > 0)) return std::nullopt;
    const double max_rate = base_rate_ * max_multiplier_;
    while (true) {
      now_ += core::draw_exponential(rng_, max_rate);
      if (now_ >= end_s) return std::nullopt;
      const auto hour = static_cast<std::size_t>(std::fmod(now_, 86400.0) / 3600.0) % 24;
      if (core::uniform01(rng_) * max_multiplier_ < hourly_[hour])
        return Arrival{now_, uniform_device(rng_, n_)};
    }
  }

 private:
  double base_rate_;
  std::array<double, 24> hourly_;
  double max_multiplier_ = 0;
  std::int64_t n_;
  core::Rng rng_;
  double now_ = 0;
};

class TraceSource : public ArrivalSource {
 public:
  TraceSource(const std::vector<scenario::TraceArrival>& rows, std::int64_t n)
      : rows_(rows), n_(n) {}
  std::optional<Arrival> next(double end_s) override {
    if (position_ >= rows_.size() || rows_[position_].time_s >= end_s || n_ == 0)
      return std::nullopt;
    const auto& row = rows_[position_++];
    return Arrival{row.time_s, row.device % n_};
  }

 private:
  const std::vector<scenario::TraceArrival>& rows_;
  std::int64_t n_;
  std::size_t position_ = 0;
};

class EmptySource : public ArrivalSource {
 public:
  std::optional<Arrival> next(double) override { return std::nullopt; }
};

}  // namespace

std::unique_ptr<ArrivalSource> make_arrival_source(const ArrivalSpec& spec,
                                                   std::int64_t device_count, std::uint64_t seed,
                                                   std::uint64_t stream_id) {
  if (device_count <= 0) return std::make_unique<EmptySource>();
  core::Rng rng =
      core::make_stream(seed, core::StreamPurpose::kArrivals, core::splitmix64(stream_id) ^ 0xA11);
  switch (spec.process) {
    case ArrivalProcess::kPoisson:
      return std::make_unique<PoissonSource>(spec.rate_per_s * device_count, device_count, rng);
    case ArrivalProcess::kPeriodic:
      return std::make_unique<PeriodicSource>(spec.period_s, device_count, seed, stream_id);
    case ArrivalProcess::kBursty:
      return std::make_unique<BurstySource>(spec, device_count, rng);
    case ArrivalProcess::kDiurnal:
      return std::make_unique<DiurnalSource>(spec, device_count, rng);
    case ArrivalProcess::kTrace:
      return std::make_unique<TraceSource>(spec.trace, device_count);
  }
  return std::make_unique<EmptySource>();
}

double mean_arrival_rate_per_s(const ArrivalSpec& spec, std::int64_t device_count) {
  const double n = static_cast<double>(device_count);
  switch (spec.process) {
    case ArrivalProcess::kPoisson:
      return spec.rate_per_s * n;
    case ArrivalProcess::kPeriodic:
      return n / spec.period_s;
    case ArrivalProcess::kBursty:
      return spec.rate_per_s * n * spec.on_s / (spec.on_s + spec.off_s);
    case ArrivalProcess::kDiurnal: {
      double sum = 0;
      for (double m : spec.hourly_multipliers) sum += m;
      return spec.rate_per_s * n * sum / 24.0;
    }
    case ArrivalProcess::kTrace:
      return 0;
  }
  return 0;
}

}  // namespace edgefleet::workload
