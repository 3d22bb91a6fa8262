#pragma once
// One simulation run: engine, platform, workload drivers, metrics. One per process.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/tier.hpp"
#include "federated/round_record.hpp"
#include "metrics/json_summary.hpp"
#include "metrics/sizing.hpp"
#include "scenario/scenario.hpp"
#include "sim/fleet.hpp"
#include "sim/serving/serving_engine.hpp"

namespace edgefleet::sim {

struct TierFacts {
  std::int64_t hosts = 0;
  double total_speed_flops = 0;
  double total_memory_bytes = 0;
  double uplink_capacity_bps = 0;  // sum of this tier's uplinks (device->edge, edge->fog, ...)
  double idle_power_w = 0;         // sum over hosts
  double peak_power_w = 0;
  double purchase_usd = 0;
  double usd_per_hour = 0;
  double energy_j = 0;  // consumed during the run (SimGrid energy plugin)
};

// One row of nodes.csv: an edge, fog or cloud host (devices are summarised per tier only).
struct NodeRecord {
  core::Tier tier;
  std::int64_t index;  // tier-local id
  std::string name;    // SimGrid host name
  int region;          // -1 for cloud
  double speed_flops;
  int cores;
  double memory_bytes;
  double uplink_bandwidth_bps;
  double uplink_latency_s;
  double energy_j;
  double utilisation;             // time-weighted busy fraction of its serving slots
  std::string deployed_variants;  // "model:variant" per workload model, ';'-separated
};

// What the serving path measured, in the units summary.json uses.
struct ServingResult {
  bool ran = false;  // false when the scenario has no workloads
  metrics::Json summary;
  std::int64_t requests = 0;
  double p95_latency_s = 0;
  double slo_attainment = 0;
  metrics::SizingInputs sizing;  // all but the cost figure, which the caller adds
  std::vector<serving::RequestRecord> sampled_requests;
};

// What the federated rounds produced (scenario "federated" section).
struct FederatedResult {
  bool ran = false;
  std::vector<edgefleet::federated::RoundRecord> rounds;
  metrics::Json summary;
  double data_wall_s = 0;  // wall time to build the clients' data (terminal only, not in files)
};

struct RunResult {
  double simulated_s = 0;
  // CPU time of the thread that ran SimGrid's event loop (the simulation proper: SimGrid, the
  // serving engine, policies, the federated driver), not the numerics threads beside it.
  // Terminal only, not in files.
  double event_loop_cpu_s = 0;
  ServingResult serving;
  FederatedResult federated;
  std::array<TierFacts, 4> tiers;  // indexed by core::Tier
  std::vector<NodeRecord> nodes;   // edge, fog and cloud hosts in tier then id order
};

struct RunOptions {
  std::string simgrid_log_threshold = "critical";
  // Called with the simulated time now and the end time, about every 5 % of the run.
  std::function<void(double now_s, double end_s)> progress;
  // Keep one request in `sample_requests_every` (by id) for requests.csv.
  std::int64_t sample_requests_every = 1;
};

RunResult run_simulation(const scenario::Scenario& s, const RunOptions& options);

}  // namespace edgefleet::sim
