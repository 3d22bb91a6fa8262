#pragma once
// Summaries as nlohmann::ordered_json: keys in the order written here (never sorted by hash or
// by insertion accident), numbers rounded to 9 significant digits, non-finite numbers as null.
// Same inputs -> byte-identical dump_stable() output.
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "metrics/cost_model.hpp"
#include "metrics/counters.hpp"
#include "metrics/grouped_latency.hpp"
#include "metrics/latency_summary.hpp"
#include "metrics/recommendation.hpp"
#include "metrics/scores.hpp"
#include "metrics/time_weighted.hpp"

namespace edgefleet::metrics {

using Json = nlohmann::ordered_json;

// null for NaN/inf; otherwise the value rounded to 9 significant digits.
Json json_number(double value);

// {"count", "mean_s", "min_s", "p50_s", "p90_s", "p95_s", "p99_s", "max_s"}
Json to_json(const LatencyStats& s);
// {"mean", "p50", "p95", "max"}
Json to_json(const LevelStats& s);
// {"served", "dropped", "failed", "total", "throughput_per_s",
//  "reasons": {"dropped": {reason: n, ...}, "failed": {...}, "served": {...}}}
// (only outcomes with at least one reason appear under "reasons").
Json to_json(const OutcomeCounters& c, double duration_s);
// {name: amount, ...} in byte order of names.
Json to_json(const TotalsByName& t);
// {"count", "mean"}
Json to_json(const MeanAccumulator& m);
// {"capex_usd", "energy_usd", "cloud_usd", "network_usd", "total_usd"} (USD per month)
Json to_json(const CostBreakdown& b);
// {"by_tier": {tier: breakdown, ...}, "total": breakdown}
Json to_json(const FleetCost& f);
// {"performance", "scalability", "federated" (null = n/a), "cost_efficiency"}
Json to_json(const Scores& s);
// {"verdict", "tier" (omitted when empty), "summary", "reasons": [...]}
Json to_json(const Recommendation& r);

// {key: LatencyStats, ...} in ascending key order; `key_name` turns a key into its JSON name.
template <class Key, class KeyName>
Json to_json(const GroupedLatency<Key>& g, KeyName key_name) {
  Json out = Json::object();
  for (const auto& [key, summary] : g) out[std::string(key_name(key))] = to_json(summary.stats());
  return out;
}
inline Json to_json(const LatencyByName& g) {
  return to_json(g, [](const std::string& k) { return k; });
}

// The canonical text of a summary: 2-space indentation, UTF-8 kept as is, trailing newline.
std::string dump_stable(const Json& j);

}  // namespace edgefleet::metrics
