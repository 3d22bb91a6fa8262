#pragma once
// Run counters fed once per request / transfer / energy reading: all O(1) or O(log k) with k
// the (small) number of distinct keys, and no allocation once a key has been seen.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace edgefleet::metrics {

// How a request ended.
enum class Outcome : std::uint8_t {
  kServed = 0,   // a response was delivered (whether or not within the SLO)
  kDropped = 1,  // refused by admission control / queue overflow / deadline expiry
  kFailed = 2,   // lost to a host, link or model failure
};
inline constexpr std::size_t kOutcomeCount = 3;
// "served", "dropped", "failed".
const char* outcome_name(Outcome o);

// Counts of request outcomes, with a breakdown of each outcome by a free-text reason
// (e.g. "queue_full", "deadline_expired", "host_failure"). Reasons iterate in byte order.
class OutcomeCounters {
 public:
  using ReasonMap = std::map<std::string, std::uint64_t, std::less<>>;

  // Counts one request. An empty reason is counted in the total only (no "" key is created).
  void count(Outcome outcome, std::string_view reason = {});
  void merge(const OutcomeCounters& other);

  std::uint64_t count_of(Outcome o) const { return totals_[static_cast<std::size_t>(o)]; }
  std::uint64_t served() const { return count_of(Outcome::kServed); }
  std::uint64_t dropped() const { return count_of(Outcome::kDropped); }
  std::uint64_t failed() const { return count_of(Outcome::kFailed); }
  std::uint64_t total() const { return served() + dropped() + failed(); }
  // Requests per reason for one outcome.
  const ReasonMap& reasons(Outcome o) const { return reasons_[static_cast<std::size_t>(o)]; }

  // Served requests per simulated second over a window of `duration_s` seconds (requests/s);
  // NaN if duration_s <= 0.
  double throughput_per_s(double duration_s) const;

 private:
  std::array<std::uint64_t, kOutcomeCount> totals_{};
  std::array<ReasonMap, kOutcomeCount> reasons_;
};

// Sums of a non-negative quantity by name: bytes per link class ("lan", "wan", "cellular"),
// joules per tier, ... The unit is the caller's; name the variable with it (e.g.
// `bytes_by_link_class`, `energy_j_by_tier`). Keys iterate in byte order.
class TotalsByName {
 public:
  using Map = std::map<std::string, double, std::less<>>;

  // Adds `amount` under `name`. Throws std::invalid_argument if amount is negative or not finite.
  void add(std::string_view name, double amount);
  void merge(const TotalsByName& other);
  // 0 for an unknown name.
  double get(std::string_view name) const;
  double total() const;
  const Map& values() const { return values_; }

 private:
  Map values_;
};

// Running mean of a per-request quantity, e.g. the accuracy delivered (the accuracy of the
// model variant that produced each served response, in [0, 1]).
class MeanAccumulator {
 public:
  void add(double value);  // throws std::invalid_argument for non-finite values
  void merge(const MeanAccumulator& other);
  std::uint64_t count() const { return count_; }
  double sum() const { return sum_ + compensation_; }
  double mean() const;  // NaN when count() == 0

 private:
  std::uint64_t count_ = 0;
  double sum_ = 0.0;
  double compensation_ = 0.0;  // Neumaier compensation term
};

}  // namespace edgefleet::metrics
