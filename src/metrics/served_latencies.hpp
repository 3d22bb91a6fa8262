#pragma once
// Every served request's latency, stored once with a packed group key (tier, priority, model,
// placement). summary.json reports exact type-7 percentiles overall and per tier, priority,
// model and placement; keeping one LatencySummary per breakdown stored each sample five times
// (40 bytes per served request, 128 MB per breakdown at 11 M requests plus vector-doubling
// spikes). Here a request costs 8 bytes of latency + 4 of key, in large chunks (no reallocation
// spike, and kept apart from the simulator's heap), and each breakdown is rebuilt at the end,
// one at a time.
//
// Breakdowns replay samples in record order, so their means (compensated sums) and therefore
// every output digit are those of recording into per-group summaries directly.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/chunked_vector.hpp"
#include "metrics/grouped_latency.hpp"
#include "metrics/latency_summary.hpp"

namespace edgefleet::metrics {

class ServedLatencies {
 public:
  // `tier` in [0, 4), `priority` in [0, 4); names are interned (at most 256 placements and
  // 65,536 models, else std::length_error). Throws std::invalid_argument for a negative or
  // non-finite latency (check_latency).
  void record(int tier, int priority, std::string_view model, std::string_view placement,
              double latency_s);

  std::uint64_t count() const { return latency_s_.size(); }

  // Built on demand from the stored samples (O(n) copy; query once at the end of a run).
  LatencySummary overall() const;
  GroupedLatency<std::string> by_tier(const std::array<const char*, 4>& tier_names) const;
  GroupedLatency<int> by_priority() const;
  GroupedLatency<std::string> by_model() const;
  GroupedLatency<std::string> by_placement() const;

 private:
  static std::uint32_t intern(std::vector<std::string>& names, std::string_view name,
                              std::size_t limit, std::uint32_t& last_hit);
  static constexpr std::uint32_t kTierShift = 0, kPriorityShift = 2, kPlacementShift = 4,
                                 kModelShift = 12;
  static std::uint32_t field(std::uint32_t key, std::uint32_t shift, std::uint32_t bits);
  template <class Key, class NameOf>
  GroupedLatency<Key> grouped(std::uint32_t shift, std::uint32_t bits, std::size_t values,
                              NameOf name_of) const;

  core::ChunkedVector<double> latency_s_;
  core::ChunkedVector<std::uint32_t>
      keys_;  // tier:2 | priority:2 | placement:8 | model:16 (low→high)
  std::vector<std::string> models_, placements_;
  std::uint32_t last_model_ = 0, last_placement_ = 0;
};

}  // namespace edgefleet::metrics
