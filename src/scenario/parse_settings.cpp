#include "core/input_error.hpp"
#include "scenario/parse_sections.hpp"
#include "scheduler/policy.hpp"

namespace edgefleet::scenario::detail {

using core::Dimension;
using core::InputError;

void parse_settings(ObjectReader& root, Scenario& out) {
  static const Json empty = Json::object();
  auto section = [&](const char* key) {
    const Json* j = root.get(key);
    return ObjectReader(j ? *j : empty, root.path_of(key));
  };

  ObjectReader sim = section("simulation");
  out.simulation.duration_s = sim.quantity("duration", Dimension::kSeconds, 60.0, Bound::kPositive);
  out.simulation.network_model = sim.string("network_model", "CM02");
  if (out.simulation.network_model != "CM02" && out.simulation.network_model != "LV08") {
    throw InputError(
        sim.path_of("network_model"),
        "unknown network model \"" + out.simulation.network_model + "\" (known: CM02, LV08)");
  }
  sim.finish();

  ObjectReader sched = section("scheduler");
  out.scheduler.policy = sched.string("policy", "latency_aware");
  if (const Json* params = sched.get("params")) {
    if (!params->is_object()) throw InputError(sched.path_of("params"), "expected an object");
    out.scheduler.params = *params;
  }
  out.scheduler.telemetry_staleness_s =
      sched.quantity("telemetry_staleness", Dimension::kSeconds, 1.0, Bound::kNonNegative);
  out.scheduler.fallback = sched.boolean("fallback", true);
  sched.finish();
  // Resolve the policy now so a bad name or parameter is an input error, not a run failure.
  scheduler::make_policy(out.scheduler.policy, out.scheduler.params, sched.path_of("policy"),
                         sched.path_of("params"));

  ObjectReader serving = section("serving");
  out.serving.queue_capacity = static_cast<int>(serving.integer("queue_capacity", 1000, 1));
  out.serving.cpu_limit_cores =
      serving.quantity("cpu_limit", Dimension::kCores, 0.0, Bound::kNonNegative);
  out.serving.request_timeout_s =
      serving.quantity("request_timeout", Dimension::kSeconds, 0.0, Bound::kNonNegative);
  serving.finish();

  ObjectReader cost = section("cost");
  out.cost.electricity_usd_per_kwh =
      cost.quantity("electricity", Dimension::kUsdPerKwh, 0.12, Bound::kNonNegative);
  out.cost.amortization_months = cost.number("amortization_months", 36.0, 1.0, 1200.0);
  cost.finish();

  ObjectReader checks = section("checks");
  out.checks.max_p95_latency_s =
      checks.quantity("max_p95_latency", Dimension::kSeconds, 0.0, Bound::kNonNegative);
  out.checks.min_slo_attainment = checks.number("min_slo_attainment", 0.0, 0.0, 1.0);
  out.checks.max_monthly_cost_usd =
      checks.quantity("max_monthly_cost", Dimension::kUsd, 0.0, Bound::kNonNegative);
  checks.finish();
}

}  // namespace edgefleet::scenario::detail
