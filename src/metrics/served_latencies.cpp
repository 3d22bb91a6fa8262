#include "metrics/served_latencies.hpp"

#include <cmath>
#include <stdexcept>

namespace edgefleet::metrics {
namespace {

constexpr std::size_t kMaxPlacements = 256, kMaxModels = 65536;

}  // namespace

std::uint32_t ServedLatencies::field(std::uint32_t key, std::uint32_t shift, std::uint32_t bits) {
  return (key >> shift) & ((1U << bits) - 1);
}

std::uint32_t ServedLatencies::intern(std::vector<std::string>& names, std::string_view name,
                                      std::size_t limit, std::uint32_t& last_hit) {
  // Requests of one run carry a handful of names, mostly the same one as the previous request.
  if (last_hit < names.size() && names[last_hit] == name) return last_hit;
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return last_hit = i;
  }
  if (names.size() == limit)
    throw std::length_error("ServedLatencies: more than " + std::to_string(limit) + " names");
  names.emplace_back(name);
  return last_hit = static_cast<std::uint32_t>(names.size() - 1);
}

void ServedLatencies::record(int tier, int priority, std::string_view model,
                             std::string_view placement, double latency_s) {
  check_latency(latency_s);
  if (tier < 0 || tier > 3 || priority < 0 || priority > 3)
    throw std::invalid_argument("ServedLatencies: tier and priority must be in [0, 3]");
  const std::uint32_t p = intern(placements_, placement, kMaxPlacements, last_placement_);
  const std::uint32_t m = intern(models_, model, kMaxModels, last_model_);
  keys_.push_back(static_cast<std::uint32_t>(tier) << kTierShift |
                  static_cast<std::uint32_t>(priority) << kPriorityShift | p << kPlacementShift |
                  m << kModelShift);
  latency_s_.push_back(latency_s);
}

LatencySummary ServedLatencies::overall() const {
  LatencySummary all;
  all.reserve(latency_s_.size());
  latency_s_.for_each([&all](double x) { all.record(x); });
  return all;
}

template <class Key, class NameOf>
GroupedLatency<Key> ServedLatencies::grouped(std::uint32_t shift, std::uint32_t bits,
                                             std::size_t values, NameOf name_of) const {
  // Grouped by the key's small integer field (no lookup per sample), each group sized first so
  // the end-of-run peak is the store plus one breakdown with no vector-doubling slack.
  std::vector<std::size_t> sizes(values, 0);
  keys_.for_each([&](std::uint32_t k) { ++sizes[field(k, shift, bits)]; });
  std::vector<LatencySummary> groups(sizes.size());
  for (std::size_t g = 0; g < sizes.size(); ++g) groups[g].reserve(sizes[g]);
  for (std::size_t i = 0; i < latency_s_.size(); ++i)
    groups[field(keys_[i], shift, bits)].record(latency_s_[i]);
  GroupedLatency<Key> out;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (sizes[g] > 0) out.group(name_of(static_cast<std::uint32_t>(g))) = std::move(groups[g]);
  }
  return out;
}

GroupedLatency<std::string> ServedLatencies::by_tier(
    const std::array<const char*, 4>& tier_names) const {
  return grouped<std::string>(kTierShift, 2, 4,
                              [&](std::uint32_t i) { return std::string_view(tier_names[i]); });
}

GroupedLatency<int> ServedLatencies::by_priority() const {
  return grouped<int>(kPriorityShift, 2, 4, [](std::uint32_t i) { return static_cast<int>(i); });
}

GroupedLatency<std::string> ServedLatencies::by_model() const {
  return grouped<std::string>(kModelShift, 16, models_.size(),
                              [&](std::uint32_t i) { return std::string_view(models_[i]); });
}

GroupedLatency<std::string> ServedLatencies::by_placement() const {
  return grouped<std::string>(kPlacementShift, 8, placements_.size(),
                              [&](std::uint32_t i) { return std::string_view(placements_[i]); });
}

}  // namespace edgefleet::metrics
