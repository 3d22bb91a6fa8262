#include "edgefleet/run_outputs.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/input_error.hpp"
#include "core/units.hpp"
#include "metrics/cost_model.hpp"
#include "metrics/csv_writer.hpp"
#include "metrics/json_summary.hpp"
#include "metrics/sizing.hpp"
#include "scenario/load.hpp"

namespace edgefleet::cli {

namespace {

using metrics::json_number;

// FNV-1a over the resolved scenario: identifies the exact configuration a summary came from.
std::string scenario_hash(const scenario::Scenario& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : scenario::resolved_json(s).dump()) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

metrics::FleetCost fleet_cost(const scenario::Scenario& s, const sim::RunResult& r) {
  metrics::CostInputs in;
  in.lifetime_months = s.cost.amortization_months;
  in.usd_per_kwh = s.cost.electricity_usd_per_kwh;
  for (core::Tier t : core::kAllTiers) {
    const sim::TierFacts& f = r.tiers[static_cast<int>(t)];
    if (f.hosts == 0) continue;
    const double n = static_cast<double>(f.hosts);
    metrics::HardwareClassCost c;
    c.name = std::string(core::tier_name(t));
    c.tier = c.name;
    c.count = static_cast<std::uint64_t>(f.hosts);
    c.purchase_usd = f.purchase_usd / n;
    c.usd_per_hour = f.usd_per_hour / n;
    c.mean_power_w = r.simulated_s > 0 ? f.energy_j / r.simulated_s / n : f.idle_power_w / n;
    c.energy_in_hourly_price = f.usd_per_hour > 0;
    in.classes.push_back(c);
  }
  return metrics::monthly_cost(in);
}

std::ofstream open_output(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw core::InputError(path, "cannot write output file");
  return out;
}

metrics::Json sizing_json(const scenario::Scenario& s, const sim::RunResult& r,
                          const metrics::FleetCost& cost) {
  metrics::SizingInputs in = r.serving.sizing;
  const double served_per_month =
      metrics::per_month(static_cast<double>(r.serving.requests), s.simulation.duration_s);
  in.usd_per_million_inferences =
      metrics::usd_per_million_inferences(cost.total.total_usd, served_per_month);
  const metrics::Sizing sizing = metrics::assess_sizing(in);
  return {{"usd_per_million_inferences", json_number(in.usd_per_million_inferences)},
          {"scores", metrics::to_json(sizing.scores)},
          {"recommendation", metrics::to_json(sizing.recommendation)}};
}

void write_requests_csv(const std::string& path, const scenario::Scenario& s,
                        const sim::RunResult& r) {
  auto file = open_output(path);
  metrics::CsvWriter csv(file, {"id", "workload", "device", "created_s", "latency_s", "outcome",
                                "reason", "tier", "node", "priority", "accuracy"});
  for (const auto& q : r.serving.sampled_requests) {
    csv.field(q.id)
        .field(s.workloads[q.workload].name)
        .field(q.device)
        .field(q.created_s)
        .field(q.latency_s)
        .field(metrics::outcome_name(static_cast<metrics::Outcome>(q.outcome)))
        .field(q.reason)
        .field(q.tier < 0 ? std::string_view() : core::tier_name(static_cast<core::Tier>(q.tier)))
        .field(q.node < 0 ? std::string() : std::to_string(q.node))
        .field(metrics::kPriorityNames[q.priority])
        .field(static_cast<double>(q.accuracy));
    csv.end_row();
  }
}

void write_rounds_csv(const std::string& path, const sim::RunResult& r) {
  auto file = open_output(path);
  metrics::CsvWriter csv(
      file, {"round", "start_s", "end_s", "selected", "completed", "stragglers", "late", "dropped",
             "bytes_down", "bytes_up", "client_energy_j", "train_loss", "test_loss",
             "test_accuracy", "epsilon", "deployed", "deployed_version", "mean_staleness"});
  for (const auto& q : r.federated.rounds) {
    const auto& m = q.metrics;
    csv.field(static_cast<std::int64_t>(q.round))
        .field(q.start_s)
        .field(q.end_s)
        .field(q.selected)
        .field(q.completed)
        .field(q.stragglers)
        .field(q.late)
        .field(q.dropped)
        .field(q.bytes_down)
        .field(q.bytes_up)
        .field(q.client_energy_j)
        .field(m.train_loss)
        .field(m.test_loss)
        .field(m.test_accuracy)
        .field(m.epsilon)
        .field(static_cast<std::int64_t>(m.deployed ? 1 : 0))
        .field(static_cast<std::int64_t>(m.deployed_version))
        .field(m.mean_staleness);
    csv.end_row();
  }
}

void print_federated_lines(const sim::RunResult& r) {
  const metrics::Json& f = r.federated.summary;
  auto num = [](const metrics::Json& v) { return v.is_number() ? v.get<double>() : NAN; };
  std::printf("  federated (%s, %s + %s): %lld of %d rounds, %.1f s simulated\n",
              f["mode"].get<std::string>().c_str(), f["aggregator"].get<std::string>().c_str(),
              f["server_optimizer"].get<std::string>().c_str(),
              f["rounds_completed"].get<long long>(), f["rounds_requested"].get<int>(),
              num(f["simulated_s"]));
  std::printf("    test accuracy %.4f -> %.4f (best %.4f)  train loss %.4f  bytes down %s up %s\n",
              num(f["initial_test_accuracy"]), num(f["final_test_accuracy"]),
              num(f["best_test_accuracy"]), num(f["final_train_loss"]),
              core::format_quantity(num(f["bytes"]["down"]), core::Dimension::kBytes).c_str(),
              core::format_quantity(num(f["bytes"]["up"]), core::Dimension::kBytes).c_str());
}

void print_serving_lines(const scenario::Scenario& s, const sim::RunResult& r,
                         const metrics::FleetCost& cost) {
  const metrics::Json& j = r.serving.summary;
  const metrics::Json& q = j["requests"];
  const metrics::Json& lat = j["latency_s"];
  auto ms = [](const metrics::Json& v) { return v.is_number() ? v.get<double>() * 1e3 : NAN; };
  std::printf("  requests: %lld  served %lld  dropped %lld  failed %lld  retries %lld\n",
              static_cast<long long>(r.serving.requests), q["served"].get<long long>(),
              q["dropped"].get<long long>(), q["failed"].get<long long>(),
              j["retries"].get<long long>());
  std::printf("  latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f\n", ms(lat["p50_s"]),
              ms(lat["p95_s"]), ms(lat["p99_s"]), ms(lat["max_s"]));
  std::printf("  served by tier:");
  for (const auto& [tier, stats] : j["latency_by_tier_s"].items())
    std::printf("  %s %lld (p95 %.2f ms)", tier.c_str(), stats["count"].get<long long>(),
                ms(stats["p95_s"]));
  std::printf("\n  SLO attainment: %.2f%%   mean accuracy: %.4f\n", 100 * r.serving.slo_attainment,
              j["mean_accuracy"].is_number() ? j["mean_accuracy"].get<double>() : NAN);
  const metrics::Json z = sizing_json(s, r, cost);
  const metrics::Json& sc = z["scores"];
  std::printf("  scores: performance %.0f  scalability %.0f  cost efficiency %.0f\n",
              sc["performance"].get<double>(), sc["scalability"].get<double>(),
              sc["cost_efficiency"].get<double>());
  std::printf("  recommendation: %s\n", z["recommendation"]["summary"].get<std::string>().c_str());
}

}  // namespace

CheckOutcome evaluate_checks(const scenario::Scenario& s, const sim::RunResult& r) {
  CheckOutcome c;
  auto fail = [&c](const char* what, const std::string& got, const char* op,
                   const std::string& limit) {
    c.passed = false;
    c.message += std::string("  ") + what + " " + got + " " + op + " " + limit + "\n";
  };
  using core::Dimension;
  using core::format_quantity;
  if (s.checks.max_p95_latency_s > 0) {
    c.requested = true;
    const double p95 = r.serving.p95_latency_s;
    // No served request means no latency to vouch for: the check fails.
    if (!r.serving.ran || !(p95 <= s.checks.max_p95_latency_s)) {
      fail("p95 latency", r.serving.ran ? format_quantity(p95, Dimension::kSeconds) : "n/a", ">",
           "max_p95_latency " + format_quantity(s.checks.max_p95_latency_s, Dimension::kSeconds));
    }
  }
  if (s.checks.min_slo_attainment > 0) {
    c.requested = true;
    const double a = r.serving.slo_attainment;
    if (!r.serving.ran || !(a >= s.checks.min_slo_attainment)) {
      fail("SLO attainment", r.serving.ran ? json_number(a).dump() : "n/a", "<",
           "min_slo_attainment " + json_number(s.checks.min_slo_attainment).dump());
    }
  }
  if (s.checks.max_monthly_cost_usd > 0) {
    c.requested = true;
    const double cost = fleet_cost(s, r).total.total_usd;
    if (cost > s.checks.max_monthly_cost_usd) {
      char got[64], limit[64];
      std::snprintf(got, sizeof got, "$%.2f", cost);
      std::snprintf(limit, sizeof limit, "max_monthly_cost $%.2f", s.checks.max_monthly_cost_usd);
      fail("monthly cost", got, ">", limit);
    }
  }
  return c;
}

void write_outputs(const std::string& dir, const scenario::Scenario& s, const sim::RunResult& r,
                   const CheckOutcome& checks) {
  metrics::Json summary;
  summary["edgefleet_version"] = EDGEFLEET_VERSION;
  summary["scenario"] = s.name;
  summary["seed"] = s.seed;
  summary["scenario_hash"] = scenario_hash(s);
  summary["network_model"] = s.simulation.network_model;
  summary["simulated_s"] = json_number(r.simulated_s);
  metrics::Json platform = metrics::Json::object();
  for (core::Tier t : core::kAllTiers) {
    const sim::TierFacts& f = r.tiers[static_cast<int>(t)];
    platform[std::string(core::tier_name(t))] = {
        {"hosts", f.hosts},
        {"total_gflops", json_number(f.total_speed_flops / 1e9)},
        {"total_memory_bytes", json_number(f.total_memory_bytes)},
        {"uplink_capacity_bps", json_number(f.uplink_capacity_bps)},
        {"energy_j", json_number(f.energy_j)},
        {"mean_power_w", json_number(r.simulated_s > 0 ? f.energy_j / r.simulated_s : 0)}};
  }
  summary["platform"] = platform;
  const metrics::FleetCost cost = fleet_cost(s, r);
  summary["monthly_cost_usd"] = metrics::to_json(cost);
  if (r.serving.ran) {
    summary["serving"] = r.serving.summary;
    summary["sizing"] = sizing_json(s, r, cost);
  }
  if (r.federated.ran) summary["federated"] = r.federated.summary;
  summary["checks"] = {{"requested", checks.requested}, {"passed", checks.passed}};
  open_output(dir + "/summary.json") << metrics::dump_stable(summary);

  open_output(dir + "/resolved_scenario.json") << scenario::resolved_json(s).dump(2) << "\n";

  if (r.serving.ran) write_requests_csv(dir + "/requests.csv", s, r);
  if (r.federated.ran) write_rounds_csv(dir + "/rounds.csv", r);

  auto nodes_file = open_output(dir + "/nodes.csv");
  metrics::CsvWriter nodes(nodes_file, {"tier", "index", "name", "region", "speed_flops", "cores",
                                        "memory_bytes", "uplink_bandwidth_bps", "uplink_latency_s",
                                        "energy_j", "utilisation", "deployed_variants"});
  for (const auto& n : r.nodes) {
    nodes.field(core::tier_name(n.tier))
        .field(n.index)
        .field(n.name)
        .field(n.region < 0 ? std::string("cloud") : s.regions[n.region].name)
        .field(n.speed_flops)
        .field(n.cores)
        .field(n.memory_bytes)
        .field(n.uplink_bandwidth_bps)
        .field(n.uplink_latency_s)
        .field(n.energy_j)
        .field(n.utilisation)
        .field(n.deployed_variants);
    nodes.end_row();
  }
}

void print_summary_table(const scenario::Scenario& s, const sim::RunResult& r,
                         const std::string& dir) {
  using core::Dimension;
  using core::format_quantity;
  std::printf("edgefleet %s — scenario \"%s\", seed %llu, %s simulated\n", EDGEFLEET_VERSION,
              s.name.c_str(), static_cast<unsigned long long>(s.seed),
              format_quantity(r.simulated_s, Dimension::kSeconds).c_str());
  std::printf("  %-7s %9s %14s %12s %14s %12s\n", "tier", "hosts", "compute", "memory", "uplinks",
              "energy");
  for (core::Tier t : core::kAllTiers) {
    const sim::TierFacts& f = r.tiers[static_cast<int>(t)];
    std::printf("  %-7s %9lld %14s %12s %14s %10.1f kJ\n", std::string(core::tier_name(t)).c_str(),
                static_cast<long long>(f.hosts),
                format_quantity(f.total_speed_flops, Dimension::kFlopsPerSecond).c_str(),
                format_quantity(f.total_memory_bytes, Dimension::kBytes).c_str(),
                format_quantity(f.uplink_capacity_bps, Dimension::kBitsPerSecond).c_str(),
                f.energy_j / 1e3);
  }
  const metrics::FleetCost cost = fleet_cost(s, r);
  std::printf("  monthly cost: $%.2f\n", cost.total.total_usd);
  if (r.serving.ran) print_serving_lines(s, r, cost);
  if (r.federated.ran) print_federated_lines(r);
  std::printf("results: %s/{summary.json,resolved_scenario.json,nodes.csv%s%s}\n", dir.c_str(),
              r.serving.ran ? ",requests.csv" : "", r.federated.ran ? ",rounds.csv" : "");
}

}  // namespace edgefleet::cli
