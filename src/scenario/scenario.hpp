#pragma once
// The typed scenario: every field validated, every default filled in, every quantity in SI base
// units named in the field. Produced once by load_scenario(); everything downstream trusts it.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/distribution.hpp"
#include "scenario/catalog.hpp"
#include "scenario/federated_spec.hpp"

namespace edgefleet::scenario {

// One tier's hosts in a region: a hardware class plus per-host heterogeneity.
struct NodeGroup {
  HardwareClass hardware;          // after overrides
  core::Distribution speed_flops;  // drawn per host; constant = hardware.speed_flops
};

struct LinkClass {
  std::string technology;            // wifi | 4g | 5g | ethernet | metro | wan | custom
  core::Distribution bandwidth_bps;  // drawn per link
  core::Distribution latency_s;      // drawn per link (one way)
};

struct LinkSet {
  LinkClass device_edge;
  LinkClass edge_fog;
  LinkClass fog_cloud;
};

struct Region {
  std::string name;
  int fog_count = 1;
  int edges_per_fog = 1;
  int devices_per_edge = 1;
  NodeGroup device, edge, fog;
  LinkSet links;

  std::int64_t edge_count() const { return std::int64_t{fog_count} * edges_per_fog; }
  std::int64_t device_count() const { return edge_count() * devices_per_edge; }
};

struct Cloud {
  int sites = 1;
  int hosts_per_site = 1;
  NodeGroup host;
  double internal_bandwidth_bps = 0;  // each cloud host's datacenter link
  double internal_latency_s = 0;
};

enum class ArrivalProcess { kPoisson, kPeriodic, kBursty, kDiurnal, kTrace };

struct TraceArrival {
  double time_s;
  std::int64_t device;  // index within the workload's devices
};

struct ArrivalSpec {
  ArrivalProcess process = ArrivalProcess::kPoisson;
  double rate_per_s = 1;       // per device: poisson, bursty (while on), diurnal (scaled hourly)
  double period_s = 1;         // periodic
  double on_s = 1, off_s = 1;  // bursty
  std::array<double, 24> hourly_multipliers{};  // diurnal
  std::string trace_file;                       // trace: CSV "time_s,device"
  std::vector<TraceArrival> trace;
};

enum class Priority { kLow = 0, kMedium = 1, kHigh = 2, kCritical = 3 };
inline constexpr std::array<const char*, 4> kPriorityNames = {"low", "medium", "high", "critical"};

struct Workload {
  std::string name;
  std::string model;                 // name in the zoo
  std::vector<std::string> regions;  // empty = all regions
  double device_share = 1;           // fraction of those regions' devices that run it
  double input_bytes = 0;
  double output_bytes = 0;
  ArrivalSpec arrival;
  std::array<double, 4> priority_mix{1, 0, 0, 0};  // low, medium, high, critical; sums to 1
  double slo_latency_s = 0.1;
  double min_accuracy = 0;
  double privacy_required_share = 0;
  double complexity = 0.5;
};

struct SchedulerSpec {
  std::string policy = "latency_aware";
  nlohmann::json params = nlohmann::json::object();
  double telemetry_staleness_s = 1;
  bool fallback = true;  // retry device -> edge -> cloud when a node rejects a request
};

struct ServingSpec {
  int queue_capacity = 1000;     // per node
  double cpu_limit_cores = 0;    // per model container; 0 = all cores of the host
  double request_timeout_s = 0;  // 0 = no timeout beyond the SLO-free completion
};

struct CostSpec {
  double electricity_usd_per_kwh = 0.12;
  double amortization_months = 36;
};

// Pass/fail checks: `run` exits 1 when one fails.
struct Checks {
  double max_p95_latency_s = 0;   // 0 = not checked
  double min_slo_attainment = 0;  // 0 = not checked
  double max_monthly_cost_usd = 0;
};

struct SimulationSettings {
  double duration_s = 60;
  std::string network_model = "CM02";  // CM02: latencies and bandwidths as written (no factors)
};

struct Scenario {
  int schema_version = 1;
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  SimulationSettings simulation;
  std::vector<Region> regions;
  Cloud cloud;
  std::vector<ModelSpec> models;  // zoo + scenario-defined, resolved
  std::vector<Workload> workloads;
  SchedulerSpec scheduler;
  ServingSpec serving;
  CostSpec cost;
  Checks checks;
  FederatedSpec federated;  // enabled = false when the section is absent

  std::int64_t device_count() const;
  std::int64_t edge_count() const;
  std::int64_t fog_count() const;
  std::int64_t cloud_host_count() const { return std::int64_t{cloud.sites} * cloud.hosts_per_site; }
  const ModelSpec* find_model(std::string_view name) const;
};

}  // namespace edgefleet::scenario
