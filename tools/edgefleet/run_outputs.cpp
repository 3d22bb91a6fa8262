#include "edgefleet/run_outputs.hpp"

#include <cstdio>
#include <fstream>

#include "core/input_error.hpp"
#include "core/units.hpp"
#include "metrics/cost_model.hpp"
#include "metrics/csv_writer.hpp"
#include "metrics/json_summary.hpp"
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

}  // namespace

CheckOutcome evaluate_checks(const scenario::Scenario& s, const sim::RunResult& r) {
  CheckOutcome c;
  if (s.checks.max_monthly_cost_usd > 0) {
    c.requested = true;
    const double cost = fleet_cost(s, r).total.total_usd;
    if (cost > s.checks.max_monthly_cost_usd) {
      c.passed = false;
      char line[160];
      std::snprintf(line, sizeof line, "  monthly cost $%.2f > max_monthly_cost $%.2f\n", cost,
                    s.checks.max_monthly_cost_usd);
      c.message += line;
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
  summary["monthly_cost_usd"] = metrics::to_json(fleet_cost(s, r));
  summary["checks"] = {{"requested", checks.requested}, {"passed", checks.passed}};
  open_output(dir + "/summary.json") << metrics::dump_stable(summary);

  open_output(dir + "/resolved_scenario.json") << scenario::resolved_json(s).dump(2) << "\n";

  auto nodes_file = open_output(dir + "/nodes.csv");
  metrics::CsvWriter nodes(
      nodes_file, {"tier", "index", "name", "region", "speed_flops", "cores", "memory_bytes",
                   "uplink_bandwidth_bps", "uplink_latency_s", "energy_j"});
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
        .field(n.energy_j);
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
  std::printf("  monthly cost: $%.2f\n", fleet_cost(s, r).total.total_usd);
  std::printf("results: %s/{summary.json,resolved_scenario.json,nodes.csv}\n", dir.c_str());
}

}  // namespace edgefleet::cli
