#pragma once
// Latency summaries grouped by a small key: tier, priority, model name, ...
//
// Backed by std::map so iteration (and therefore every output file) is in ascending key order
// whatever the order requests completed in: strings lexicographically (byte order), enums and
// integers by value. Lookups are O(log k) for k groups (k is small: tiers, priorities, models);
// string keys are looked up by std::string_view without allocating (transparent comparator).
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "metrics/latency_summary.hpp"

namespace edgefleet::metrics {

template <class Key>
class GroupedLatency {
 public:
  using Map = std::map<Key, LatencySummary, std::less<>>;

  // Records `latency_s` (seconds) under `key`, creating the group on first use.
  template <class K>
  void record(const K& key, double latency_s) {
    group(key).record(latency_s);
  }

  // The summary of `key`, created empty if absent.
  template <class K>
  LatencySummary& group(const K& key) {
    auto it = groups_.find(key);
    if (it == groups_.end()) it = groups_.emplace(Key(key), LatencySummary{}).first;
    return it->second;
  }

  // nullptr if no sample was ever recorded under `key`.
  template <class K>
  const LatencySummary* find(const K& key) const {
    auto it = groups_.find(key);
    return it == groups_.end() ? nullptr : &it->second;
  }

  // Every sample of every group in one summary (e.g. the fleet-wide latency).
  LatencySummary overall() const {
    LatencySummary all;
    for (const auto& [key, summary] : groups_) all.merge(summary);
    return all;
  }

  const Map& groups() const { return groups_; }
  std::size_t size() const { return groups_.size(); }
  auto begin() const { return groups_.begin(); }
  auto end() const { return groups_.end(); }

 private:
  Map groups_;
};

// The common case: groups named by strings (tier names, model names).
using LatencyByName = GroupedLatency<std::string>;
// Priorities are small integers; groups iterate in ascending numeric order.
using LatencyByPriority = GroupedLatency<int>;

}  // namespace edgefleet::metrics
