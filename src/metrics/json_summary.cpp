#include "metrics/json_summary.hpp"

#include <cmath>

#include "metrics/number_format.hpp"

namespace edgefleet::metrics {

Json json_number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return round_to_output_precision(value);
}

Json to_json(const LatencyStats& s) {
  Json j = Json::object();
  j["count"] = s.count;
  j["mean_s"] = json_number(s.mean_s);
  j["min_s"] = json_number(s.min_s);
  j["p50_s"] = json_number(s.p50_s);
  j["p90_s"] = json_number(s.p90_s);
  j["p95_s"] = json_number(s.p95_s);
  j["p99_s"] = json_number(s.p99_s);
  j["max_s"] = json_number(s.max_s);
  return j;
}

Json to_json(const LevelStats& s) {
  Json j = Json::object();
  j["mean"] = json_number(s.mean);
  j["p50"] = json_number(s.p50);
  j["p95"] = json_number(s.p95);
  j["max"] = json_number(s.max);
  return j;
}

Json to_json(const OutcomeCounters& c, double duration_s) {
  Json j = Json::object();
  j["served"] = c.served();
  j["dropped"] = c.dropped();
  j["failed"] = c.failed();
  j["total"] = c.total();
  j["throughput_per_s"] = json_number(c.throughput_per_s(duration_s));
  Json reasons = Json::object();
  // Alphabetical by outcome name so the object order is independent of the enum's order.
  for (Outcome o : {Outcome::kDropped, Outcome::kFailed, Outcome::kServed}) {
    if (c.reasons(o).empty()) continue;
    Json per = Json::object();
    for (const auto& [reason, n] : c.reasons(o)) per[reason] = n;
    reasons[outcome_name(o)] = std::move(per);
  }
  j["reasons"] = std::move(reasons);
  return j;
}

Json to_json(const TotalsByName& t) {
  Json j = Json::object();
  for (const auto& [name, v] : t.values()) j[name] = json_number(v);
  return j;
}

Json to_json(const MeanAccumulator& m) {
  Json j = Json::object();
  j["count"] = m.count();
  j["mean"] = json_number(m.mean());
  return j;
}

Json to_json(const CostBreakdown& b) {
  Json j = Json::object();
  j["capex_usd"] = json_number(b.capex_usd);
  j["energy_usd"] = json_number(b.energy_usd);
  j["cloud_usd"] = json_number(b.cloud_usd);
  j["network_usd"] = json_number(b.network_usd);
  j["total_usd"] = json_number(b.total_usd);
  return j;
}

Json to_json(const FleetCost& f) {
  Json tiers = Json::object();
  for (const auto& [tier, b] : f.by_tier) tiers[tier] = to_json(b);
  Json j = Json::object();
  j["by_tier"] = std::move(tiers);
  j["total"] = to_json(f.total);
  return j;
}

Json to_json(const Scores& s) {
  Json j = Json::object();
  j["performance"] = json_number(s.performance);
  j["scalability"] = json_number(s.scalability);
  j["federated"] = s.federated ? json_number(*s.federated) : Json(nullptr);
  j["cost_efficiency"] = json_number(s.cost_efficiency);
  return j;
}

Json to_json(const Recommendation& r) {
  Json j = Json::object();
  j["verdict"] = verdict_name(r.verdict);
  if (!r.tier.empty()) j["tier"] = r.tier;
  j["summary"] = r.summary;
  j["reasons"] = r.reasons;
  return j;
}

std::string dump_stable(const Json& j) {
  // error_handler::replace: an invalid UTF-8 byte in a user-supplied name must not abort a run.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace edgefleet::metrics
