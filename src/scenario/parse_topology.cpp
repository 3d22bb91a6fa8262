#include <map>

#include "core/input_error.hpp"
#include "scenario/parse_sections.hpp"

namespace edgefleet::scenario::detail {

using core::Dimension;
using core::InputError;

namespace {

struct LinkPreset {
  double bandwidth_bps;
  double latency_s;
};

// Typical one-way figures used when a link class names only its technology. Users override
// bandwidth/latency for their own deployment; docs/scenario.md lists these.
const std::map<std::string, LinkPreset>& link_presets() {
  static const std::map<std::string, LinkPreset> presets = {
      {"wifi", {54e6, 0.002}},        {"4g", {20e6, 0.025}},   {"5g", {200e6, 0.005}},
      {"ethernet", {1e9, 0.0002}},    {"metro", {1e9, 0.002}}, {"wan", {1e9, 0.020}},
      {"datacenter", {10e9, 0.00005}}};
  return presets;
}

std::vector<std::string> preset_names() {
  std::vector<std::string> names;
  for (const auto& [name, preset] : link_presets()) names.push_back(name);
  names.push_back("custom");
  return names;
}

LinkClass parse_link(const Json& j, const std::string& path, const LinkClass* fallback,
                     const std::string& default_technology) {
  ObjectReader r(j, path);
  LinkClass link;
  link.technology = r.string("technology", fallback ? fallback->technology : default_technology);
  const auto preset = link_presets().find(link.technology);
  if (preset == link_presets().end() && link.technology != "custom") {
    throw InputError(r.path_of("technology"), "unknown link technology \"" + link.technology +
                                                  "\" (known: " + join_names(preset_names()) + ")");
  }
  const bool same_technology = fallback && fallback->technology == link.technology;
  if (r.has("bandwidth") || preset == link_presets().end()) {
    link.bandwidth_bps =
        r.distribution("bandwidth", Dimension::kBitsPerSecond, std::nullopt, Bound::kPositive);
  } else {
    link.bandwidth_bps = same_technology
                             ? fallback->bandwidth_bps
                             : core::Distribution::constant(preset->second.bandwidth_bps);
  }
  if (r.has("latency") || preset == link_presets().end()) {
    link.latency_s =
        r.distribution("latency", Dimension::kSeconds, std::nullopt, Bound::kNonNegative);
  } else {
    link.latency_s = same_technology ? fallback->latency_s
                                     : core::Distribution::constant(preset->second.latency_s);
  }
  r.finish();
  return link;
}

LinkSet parse_link_set(const Json* j, const std::string& path, const LinkSet* fallback) {
  static const Json empty = Json::object();
  ObjectReader r(j ? *j : empty, path);
  LinkSet set;
  auto hop = [&](const char* key, const LinkClass* fb, const char* technology) {
    const Json* v = r.get(key);
    if (!v && fb) return *fb;
    return parse_link(v ? *v : empty, r.path_of(key), fb, technology);
  };
  set.device_edge = hop("device_edge", fallback ? &fallback->device_edge : nullptr, "wifi");
  set.edge_fog = hop("edge_fog", fallback ? &fallback->edge_fog : nullptr, "metro");
  set.fog_cloud = hop("fog_cloud", fallback ? &fallback->fog_cloud : nullptr, "wan");
  r.finish();
  return set;
}

const HardwareClass& resolve_hardware(const std::string& name, const std::string& path,
                                      const std::vector<HardwareClass>& hardware) {
  for (const auto& h : hardware) {
    if (h.name == name) return h;
  }
  std::vector<std::string> names;
  for (const auto& h : hardware) names.push_back(h.name);
  std::string reason = "unknown hardware class \"" + name + "\"";
  const std::string suggestion = closest_name(name, names);
  if (!suggestion.empty()) reason += " (did you mean \"" + suggestion + "\"?)";
  throw InputError(path, reason + "; known: " + join_names(names));
}

// {"hardware": "name" | {inline class}, overrides..., "gflops": quantity | distribution}
NodeGroup parse_node_group(ObjectReader& r, const std::vector<HardwareClass>& hardware,
                           const NodeGroup* fallback) {
  NodeGroup g;
  const Json* hw = r.get("hardware");
  if (!hw) {
    if (!fallback) throw InputError(r.path_of("hardware"), "required field is missing");
    g.hardware = fallback->hardware;
  } else if (hw->is_string()) {
    g.hardware = resolve_hardware(hw->get<std::string>(), r.path_of("hardware"), hardware);
  } else {
    g.hardware = parse_hardware_class(*hw, r.path_of("hardware"));
  }
  HardwareClass& h = g.hardware;
  const bool inherited_distribution = !hw && fallback;
  g.speed_flops =
      r.distribution("gflops", Dimension::kFlopsPerSecond, h.speed_flops, Bound::kPositive);
  if (inherited_distribution && !r.has("gflops")) g.speed_flops = fallback->speed_flops;
  h.speed_flops = g.speed_flops.expected();
  h.cores = static_cast<int>(r.integer("cores", h.cores, 1));
  h.memory_bytes = r.quantity("memory", Dimension::kBytes, h.memory_bytes, Bound::kPositive);
  h.idle_power_w = r.quantity("idle_power", Dimension::kWatts, h.idle_power_w, Bound::kNonNegative);
  h.peak_power_w = r.quantity("peak_power", Dimension::kWatts, h.peak_power_w, Bound::kNonNegative);
  if (h.peak_power_w < h.idle_power_w)
    throw InputError(r.path_of("peak_power"), "must be >= idle_power");
  h.purchase_usd =
      r.quantity("purchase_price", Dimension::kUsd, h.purchase_usd, Bound::kNonNegative);
  h.usd_per_hour =
      r.quantity("hourly_price", Dimension::kUsdPerHour, h.usd_per_hour, Bound::kNonNegative);
  h.battery_wh =
      r.quantity("battery_capacity", Dimension::kWattHours, h.battery_wh, Bound::kNonNegative);
  return g;
}

NodeGroup parse_tier_group(ObjectReader& parent, const char* key,
                           const std::vector<HardwareClass>& hardware, const NodeGroup* fallback) {
  const Json* j = parent.get(key);
  if (!j) {
    if (fallback) return *fallback;
    throw InputError(parent.path_of(key), "required field is missing");
  }
  ObjectReader r(*j, parent.path_of(key));
  NodeGroup g = parse_node_group(r, hardware, fallback);
  r.finish();
  return g;
}

}  // namespace

void parse_topology(ObjectReader& root, const std::vector<HardwareClass>& hardware, Scenario& out) {
  // Tier defaults shared by all regions ("hardware": {"device": ..., "edge": ..., "fog": ...}).
  ObjectReader defaults = root.object("hardware");
  const NodeGroup device = parse_tier_group(defaults, "device", hardware, nullptr);
  const NodeGroup edge = parse_tier_group(defaults, "edge", hardware, nullptr);
  const NodeGroup fog = parse_tier_group(defaults, "fog", hardware, nullptr);
  defaults.finish();

  const LinkSet links = parse_link_set(root.get("links"), root.path_of("links"), nullptr);

  const Json& regions = root.array("regions");
  if (regions.empty()) throw InputError(root.path_of("regions"), "at least one region is needed");
  for (std::size_t i = 0; i < regions.size(); ++i) {
    ObjectReader r(regions[i], json_pointer_index(root.path_of("regions"), i));
    Region region;
    region.name = r.string("name", "region-" + std::to_string(i));
    for (const auto& other : out.regions) {
      if (other.name == region.name)
        throw InputError(r.path_of("name"), "duplicate region name \"" + region.name + "\"");
    }
    region.fog_count = static_cast<int>(r.integer("fogs", std::nullopt, 1));
    region.edges_per_fog = static_cast<int>(r.integer("edges_per_fog", std::nullopt, 1));
    region.devices_per_edge = static_cast<int>(r.integer("devices_per_edge", std::nullopt, 0));
    region.device = parse_tier_group(r, "device", hardware, &device);
    region.edge = parse_tier_group(r, "edge", hardware, &edge);
    region.fog = parse_tier_group(r, "fog", hardware, &fog);
    region.links = parse_link_set(r.get("links"), r.path_of("links"), &links);
    r.finish();
    out.regions.push_back(std::move(region));
  }

  ObjectReader c = root.object("cloud");
  out.cloud.sites = static_cast<int>(c.integer("sites", 1, 1));
  out.cloud.hosts_per_site = static_cast<int>(c.integer("hosts_per_site", 1, 1));
  out.cloud.host = parse_node_group(c, hardware, nullptr);
  out.cloud.internal_bandwidth_bps =
      c.quantity("internal_bandwidth", Dimension::kBitsPerSecond, 10e9, Bound::kPositive);
  out.cloud.internal_latency_s =
      c.quantity("internal_latency", Dimension::kSeconds, 50e-6, Bound::kNonNegative);
  c.finish();
}

}  // namespace edgefleet::scenario::detail
