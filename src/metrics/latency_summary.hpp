#pragma once
// Exact latency statistics over every recorded sample.
//
// Percentile definition: linear interpolation between order statistics, Hyndman & Fan type 7
// (the default of R's quantile(), NumPy's percentile(), Excel's PERCENTILE.INC). With the n
// samples sorted ascending as x[0..n-1] and p in [0, 1]:
//     h = (n - 1) * p,  lo = floor(h),  P(p) = x[lo] + (h - lo) * (x[lo + 1] - x[lo])
// so P(0) = min, P(1) = max, one sample gives that sample for every p, and ties are harmless
// (equal neighbours interpolate to the same value).
//
// Cost: record() is an amortised O(1) push_back of 8 bytes (1M requests = 8 MB); the first
// query after a record sorts once, O(n log n); further queries are O(1) (percentile) or
// O(log n) (fraction_below). Queries are const but sort lazily: not safe to query one instance
// from two threads at once (the simulation is single-threaded).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace edgefleet::metrics {

// Snapshot of a LatencySummary. Every time field is in seconds; all are NaN when count == 0
// (written as null in JSON, empty in CSV).
struct LatencyStats {
  std::uint64_t count = 0;  // number of samples (requests), dimensionless
  double mean_s = 0.0;      // arithmetic mean latency, seconds
  double min_s = 0.0;       // smallest sample, seconds
  double p50_s = 0.0;       // median (type-7 percentile), seconds
  double p90_s = 0.0;       // 90th percentile (type 7), seconds
  double p95_s = 0.0;       // 95th percentile (type 7), seconds
  double p99_s = 0.0;       // 99th percentile (type 7), seconds
  double max_s = 0.0;       // largest sample, seconds
};

// Throws std::invalid_argument for a negative or non-finite latency: a negative latency is a
// simulator bug that must not be averaged away. Every latency store checks with this.
void check_latency(double latency_s);

class LatencySummary {
 public:
  // Records one latency. Throws std::invalid_argument for negative or non-finite values: a
  // negative latency is a simulator bug that must not be averaged away.
  void record(double latency_s);
  void reserve(std::size_t n) { samples_.reserve(n); }
  // Adds every sample of `other` (e.g. per-host summaries into a tier summary).
  void merge(const LatencySummary& other);

  std::uint64_t count() const { return samples_.size(); }
  bool empty() const { return samples_.empty(); }
  // Mean in seconds (compensated sum, so 1M small samples lose no precision); NaN if empty.
  double mean_s() const;
  // Type-7 percentile for p in [0, 1] (throws std::invalid_argument outside); NaN if empty.
  double percentile(double p) const;
  // Fraction of samples with latency <= threshold_s, in [0, 1]; the SLO attainment when
  // threshold_s is the SLO target (a request exactly at the target meets it). NaN if empty.
  double fraction_below(double threshold_s) const;
  LatencyStats stats() const;

 private:
  void ensure_sorted() const;

  mutable std::vector<double> samples_;
  mutable bool sorted_ = true;
  double sum_ = 0.0;           // Neumaier compensated sum of samples_
  double compensation_ = 0.0;  // running error term of sum_
};

// SLO attainment over ALL requests: served requests with latency <= slo_target_s divided by
// `requests_total` (served + dropped + failed), so a dropped request counts as a miss. This is
// the slo_attainment the scores and the recommendation expect. NaN if requests_total == 0.
// Throws std::invalid_argument if requests_total < served.count().
double slo_attainment(const LatencySummary& served, double slo_target_s,
                      std::uint64_t requests_total);

}  // namespace edgefleet::metrics
