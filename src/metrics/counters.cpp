#include "metrics/counters.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace edgefleet::metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class Map, class V>
void add_to(Map& map, std::string_view key, V amount) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), V{}).first;
  it->second += amount;
}

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kServed:
      return "served";
    case Outcome::kDropped:
      return "dropped";
    case Outcome::kFailed:
      return "failed";
  }
  return "unknown";
}

void OutcomeCounters::count(Outcome outcome, std::string_view reason) {
  const auto i = static_cast<std::size_t>(outcome);
  ++totals_[i];
  if (!reason.empty()) add_to(reasons_[i], reason, std::uint64_t{1});
}

void OutcomeCounters::merge(const OutcomeCounters& other) {
  for (std::size_t i = 0; i < kOutcomeCount; ++i) {
    totals_[i] += other.totals_[i];
    for (const auto& [reason, n] : other.reasons_[i]) add_to(reasons_[i], reason, n);
  }
}

double OutcomeCounters::throughput_per_s(double duration_s) const {
  if (!(duration_s > 0.0)) return kNaN;
  return static_cast<double>(served()) / duration_s;
}

void TotalsByName::add(std::string_view name, double amount) {
  if (!std::isfinite(amount) || amount < 0.0) {
    throw std::invalid_argument("TotalsByName::add: amount for \"" + std::string(name) +
                                "\" must be finite and >= 0");
  }
  add_to(values_, name, amount);
}

void TotalsByName::merge(const TotalsByName& other) {
  for (const auto& [name, v] : other.values_) add_to(values_, name, v);
}

double TotalsByName::get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? 0.0 : it->second;
}

double TotalsByName::total() const {
  double t = 0.0;
  for (const auto& [name, v] : values_) t += v;
  return t;
}

void MeanAccumulator::add(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("MeanAccumulator::add: non-finite value");
  ++count_;
  const double t = sum_ + value;
  compensation_ += std::fabs(sum_) >= std::fabs(value) ? (sum_ - t) + value : (value - t) + sum_;
  sum_ = t;
}

void MeanAccumulator::merge(const MeanAccumulator& other) {
  count_ += other.count_;
  const double v = other.sum();
  const double t = sum_ + v;
  compensation_ += std::fabs(sum_) >= std::fabs(v) ? (sum_ - t) + v : (v - t) + sum_;
  sum_ = t;
}

double MeanAccumulator::mean() const {
  return count_ == 0 ? kNaN : sum() / static_cast<double>(count_);
}

}  // namespace edgefleet::metrics
