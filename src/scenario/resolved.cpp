// The resolved scenario is itself a valid scenario (bare numbers are SI base units), so
// `edgefleet run results/x/resolved_scenario.json` reproduces a run; a test checks the round trip.
#include "core/input_error.hpp"
#include "scenario/load.hpp"
#include "scenario/parse_sections.hpp"

namespace edgefleet::scenario {

namespace {

Json distribution_json(const core::Distribution& d) {
  using Kind = core::Distribution::Kind;
  switch (d.kind) {
    case Kind::kConstant:
      return d.value;
    case Kind::kUniform:
      return {{"distribution", "uniform"}, {"min", d.min}, {"max", d.max}};
    case Kind::kNormal:
      return {{"distribution", "normal"}, {"mean", d.mean}, {"stddev", d.stddev}};
    case Kind::kLogNormal:
      return {{"distribution", "lognormal"}, {"mu", d.mu}, {"sigma", d.sigma}};
    case Kind::kEmpirical:
      return {{"distribution", "empirical"}, {"values", d.values}};
  }
  return nullptr;
}

Json hardware_json(const HardwareClass& h) {
  return {{"name", h.name},
          {"tier", h.typical_tier},
          {"gflops", h.speed_flops},
          {"cores", h.cores},
          {"memory", h.memory_bytes},
          {"idle_power", h.idle_power_w},
          {"peak_power", h.peak_power_w},
          {"purchase_price", h.purchase_usd},
          {"hourly_price", h.usd_per_hour},
          {"battery_capacity", h.battery_wh}};
}

Json node_group_json(const NodeGroup& g) {
  return {{"hardware", hardware_json(g.hardware)}, {"gflops", distribution_json(g.speed_flops)}};
}

Json link_json(const LinkClass& l) {
  return {{"technology", l.technology},
          {"bandwidth", distribution_json(l.bandwidth_bps)},
          {"latency", distribution_json(l.latency_s)}};
}

Json link_set_json(const LinkSet& s) {
  return {{"device_edge", link_json(s.device_edge)},
          {"edge_fog", link_json(s.edge_fog)},
          {"fog_cloud", link_json(s.fog_cloud)}};
}

const char* process_name(ArrivalProcess p) {
  switch (p) {
    case ArrivalProcess::kPoisson:
      return "poisson";
    case ArrivalProcess::kPeriodic:
      return "periodic";
    case ArrivalProcess::kBursty:
      return "bursty";
    case ArrivalProcess::kDiurnal:
      return "diurnal";
    case ArrivalProcess::kTrace:
      return "trace";
  }
  return "?";
}

Json arrival_json(const ArrivalSpec& a) {
  Json j = {{"process", process_name(a.process)}};
  switch (a.process) {
    case ArrivalProcess::kPoisson:
      j["rate"] = a.rate_per_s;
      break;
    case ArrivalProcess::kPeriodic:
      j["period"] = a.period_s;
      break;
    case ArrivalProcess::kBursty:
      j["rate"] = a.rate_per_s;
      j["on"] = a.on_s;
      j["off"] = a.off_s;
      break;
    case ArrivalProcess::kDiurnal:
      j["rate"] = a.rate_per_s;
      j["hourly"] = a.hourly_multipliers;
      break;
    case ArrivalProcess::kTrace:
      j["file"] = a.trace_file;
      break;
  }
  return j;
}

Json workload_json(const Workload& w) {
  Json mix = Json::object();
  for (std::size_t p = 0; p < kPriorityNames.size(); ++p)
    mix[kPriorityNames[p]] = w.priority_mix[p];
  Json j = {{"name", w.name},
            {"model", w.model},
            {"device_share", w.device_share},
            {"input_bytes", w.input_bytes},
            {"output_bytes", w.output_bytes},
            {"arrival", arrival_json(w.arrival)},
            {"priority_mix", mix},
            {"slo_latency", w.slo_latency_s},
            {"min_accuracy", w.min_accuracy},
            {"privacy_required_share", w.privacy_required_share},
            {"complexity", w.complexity}};
  if (!w.regions.empty()) j["regions"] = w.regions;
  return j;
}

Json model_json(const ModelSpec& m) {
  Json variants = Json::array();
  for (const auto& v : m.variants) {
    variants.push_back({{"name", v.name},
                        {"flops", v.flops},
                        {"params", v.params},
                        {"bytes", v.bytes},
                        {"accuracy", v.accuracy}});
  }
  Json j = {{"name", m.name},
            {"task", m.task},
            {"metric", m.metric},
            {"input_bytes", m.input_bytes},
            {"output_bytes", m.output_bytes},
            {"variants", variants}};
  if (!m.layers.empty()) {
    Json layers = Json::array();
    for (const auto& l : m.layers)
      layers.push_back({{"name", l.name}, {"flops", l.flops}, {"output_bytes", l.output_bytes}});
    j["layers"] = layers;
  }
  return j;
}

}  // namespace

Json resolved_json(const Scenario& s) {
  Json j;
  j["schema_version"] = s.schema_version;
  j["name"] = s.name;
  j["description"] = s.description;
  j["seed"] = s.seed;
  j["simulation"] = {{"duration", s.simulation.duration_s},
                     {"network_model", s.simulation.network_model}};
  // Tier defaults are already folded into each region; the first region's groups stand as defaults.
  const Region& first = s.regions.front();
  j["hardware"] = {{"device", node_group_json(first.device)},
                   {"edge", node_group_json(first.edge)},
                   {"fog", node_group_json(first.fog)}};
  j["links"] = link_set_json(first.links);
  Json regions = Json::array();
  for (const auto& r : s.regions) {
    regions.push_back({{"name", r.name},
                       {"fogs", r.fog_count},
                       {"edges_per_fog", r.edges_per_fog},
                       {"devices_per_edge", r.devices_per_edge},
                       {"device", node_group_json(r.device)},
                       {"edge", node_group_json(r.edge)},
                       {"fog", node_group_json(r.fog)},
                       {"links", link_set_json(r.links)}});
  }
  j["regions"] = regions;
  Json cloud = node_group_json(s.cloud.host);
  cloud["sites"] = s.cloud.sites;
  cloud["hosts_per_site"] = s.cloud.hosts_per_site;
  cloud["internal_bandwidth"] = s.cloud.internal_bandwidth_bps;
  cloud["internal_latency"] = s.cloud.internal_latency_s;
  j["cloud"] = cloud;
  const auto& builtin = builtin_catalog();
  Json models = Json::array();
  for (const auto& m : s.models) {
    if (!builtin.find_model(m.name)) models.push_back(model_json(m));
  }
  if (!models.empty()) j["models"] = models;
  Json workloads = Json::array();
  for (const auto& w : s.workloads) workloads.push_back(workload_json(w));
  j["workloads"] = workloads;
  j["scheduler"] = {{"policy", s.scheduler.policy},
                    {"params", s.scheduler.params},
                    {"telemetry_staleness", s.scheduler.telemetry_staleness_s},
                    {"fallback", s.scheduler.fallback}};
  j["serving"] = {{"queue_capacity", s.serving.queue_capacity},
                  {"cpu_limit", s.serving.cpu_limit_cores},
                  {"request_timeout", s.serving.request_timeout_s}};
  j["cost"] = {{"electricity", s.cost.electricity_usd_per_kwh},
               {"amortization_months", s.cost.amortization_months}};
  j["checks"] = {{"max_p95_latency", s.checks.max_p95_latency_s},
                 {"min_slo_attainment", s.checks.min_slo_attainment},
                 {"max_monthly_cost", s.checks.max_monthly_cost_usd}};
  if (s.federated.enabled) j["federated"] = detail::federated_json(s.federated);
  return j;
}

}  // namespace edgefleet::scenario
