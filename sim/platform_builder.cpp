#include "sim/platform_builder.hpp"

#include <simgrid/kernel/routing/NetZoneImpl.hpp>
#include <simgrid/s4u.hpp>

#include "core/rng.hpp"

namespace edgefleet::sim {

namespace s4u = simgrid::s4u;
using core::StreamPurpose;
using scenario::HardwareClass;
using scenario::LinkClass;
using scenario::NodeGroup;

TierHosts& Fleet::tier(core::Tier t) {
  switch (t) {
    case core::Tier::kDevice:
      return device;
    case core::Tier::kEdge:
      return edge;
    case core::Tier::kFog:
      return fog;
    case core::Tier::kCloud:
      return cloud;
  }
  return cloud;
}

const TierHosts& Fleet::tier(core::Tier t) const {
  return const_cast<Fleet*>(this)->tier(t);
}

bool datacenter_link_is_implied(std::int64_t cloud_hosts, const std::string& network_model,
                                double datacenter_bandwidth_bps, double wan_total_bandwidth_bps) {
  return cloud_hosts == 1 && network_model == "CM02" &&
         wan_total_bandwidth_bps <= datacenter_bandwidth_bps;
}

namespace {

// Stable per-entity ids for random streams: (tier, tier-local index) packed in 64 bits, so a host
// draws the same values whatever else the scenario contains.
std::uint64_t entity_id(core::Tier t, std::size_t index) {
  return (static_cast<std::uint64_t>(t) << 56) | index;
}

class Builder {
 public:
  explicit Builder(const scenario::Scenario& s) : s_(s) {}

  Fleet build() {
    root_ = s4u::create_star_zone("fleet");
    implied_datacenter_link_ =
        datacenter_link_is_implied(s_.cloud_host_count(), s_.simulation.network_model,
                                   s_.cloud.internal_bandwidth_bps, wan_total_bandwidth_bps());
    build_cloud();
    int region_index = 0;
    for (const auto& region : s_.regions) {
      for (int f = 0; f < region.fog_count; ++f) build_fog(region, region_index);
      ++region_index;
    }
    // Attach every fog subtree only now: host and link creation checks name uniqueness by walking
    // the attached platform, so attaching as we go would make the build quadratic.
    for (const auto& pending : pending_fogs_) {
      pending.zone->set_parent(root_);
      add_arm(root_, pending.zone->get_netpoint(), pending.gateway->get_netpoint(), pending.wan);
      pending.zone->seal();
    }
    root_->seal();
    return std::move(fleet_);
  }

 private:
  // Host with energy properties; the speed of each core is the host's drawn speed / cores, and an
  // inference uses all cores (sim/serving) so a lone request runs at the host's full speed.
  s4u::Host* make_host(s4u::NetZone* zone, const std::string& name, const NodeGroup& group,
                       core::Tier tier, std::size_t index, TierHosts& out, int region) {
    core::Rng rng = core::make_stream(s_.seed, StreamPurpose::kHostSpeed, entity_id(tier, index));
    const HardwareClass& hw = group.hardware;
    const double speed = group.speed_flops.draw(rng);
    auto* host = zone->create_host(name, speed / hw.cores)->set_core_count(hw.cores);
    const double one_core_w = hw.idle_power_w + (hw.peak_power_w - hw.idle_power_w) / hw.cores;
    host->set_property("wattage_per_state", std::to_string(hw.idle_power_w) + ":" +
                                                std::to_string(one_core_w) + ":" +
                                                std::to_string(hw.peak_power_w));
    host->set_property("wattage_off", "0");
    host->seal();
    out.host.push_back(host);
    out.speed_flops.push_back(speed);
    out.cores.push_back(hw.cores);
    out.memory_bytes.push_back(hw.memory_bytes);
    out.region.push_back(region);
    out.group_class.push_back(region < 0 ? 0 : region);
    return host;
  }

  struct Uplink {
    double bandwidth_bps;
    double latency_s;
  };

  double draw_uplink_bandwidth_bps(const LinkClass& cls, core::Tier tier, std::size_t index) const {
    core::Rng rng =
        core::make_stream(s_.seed, StreamPurpose::kLinkBandwidth, entity_id(tier, index));
    return cls.bandwidth_bps.draw(rng);
  }

  // Draws the host's uplink and records it in `out` as the scenario gives it.
  Uplink record_uplink(const LinkClass& cls, core::Tier tier, std::size_t index, TierHosts& out) {
    core::Rng lat_rng =
        core::make_stream(s_.seed, StreamPurpose::kLinkLatency, entity_id(tier, index));
    const Uplink up{draw_uplink_bandwidth_bps(cls, tier, index), cls.latency_s.draw(lat_rng)};
    out.uplink_bandwidth_bps.push_back(up.bandwidth_bps);
    out.uplink_latency_s.push_back(up.latency_s);
    return up;
  }

  static s4u::Link* create_link(s4u::NetZone* zone, const std::string& name, Uplink up) {
    // SimGrid bandwidths are in bytes per second.
    return zone->create_split_duplex_link(name, up.bandwidth_bps / 8.0)
        ->set_latency(up.latency_s)
        ->seal();
  }

  // The fog->cloud WAN links' bandwidths summed, drawn from the streams build_fog draws them from.
  double wan_total_bandwidth_bps() const {
    double total_bps = 0;
    std::size_t fog_index = 0;
    for (const auto& region : s_.regions)
      for (int f = 0; f < region.fog_count; ++f)
        total_bps +=
            draw_uplink_bandwidth_bps(region.links.fog_cloud, core::Tier::kFog, fog_index++);
    return total_bps;
  }

  static void add_arm(s4u::NetZone* zone, simgrid::kernel::routing::NetPoint* point,
                      simgrid::kernel::routing::NetPoint* gateway, s4u::Link* link) {
    std::vector<s4u::LinkInRoute> links;
    if (link) links.emplace_back(link, s4u::LinkInRoute::Direction::UP);
    zone->add_route(point, nullptr, gateway, nullptr, links, true);
  }

  // Every host sits at depth 3 (root / group / leaf / host): SimGrid 3.32's route resolution
  // (find_common_ancestors) picks the wrong zone when the two ends of a route sit at different
  // depths, so the cloud site and the fog host get a leaf zone of their own.
  void build_cloud() {
    for (int site = 0; site < s_.cloud.sites; ++site) {
      const std::string name = "cloud" + std::to_string(site);
      auto* site_zone = s4u::create_star_zone(name);
      site_zone->set_parent(root_);
      auto* zone = s4u::create_star_zone(name + "-dc");
      zone->set_parent(site_zone);
      auto* router = zone->create_router(name + "-gw");
      add_arm(zone, router, nullptr, nullptr);
      for (int h = 0; h < s_.cloud.hosts_per_site; ++h) {
        const std::size_t index = fleet_.cloud.size();
        const std::string host_name = name + "-h" + std::to_string(h);
        auto* host =
            make_host(zone, host_name, s_.cloud.host, core::Tier::kCloud, index, fleet_.cloud, -1);
        scenario::LinkClass dc{"datacenter",
                               core::Distribution::constant(s_.cloud.internal_bandwidth_bps),
                               core::Distribution::constant(s_.cloud.internal_latency_s)};
        const Uplink up = record_uplink(dc, core::Tier::kCloud, index, fleet_.cloud);
        add_arm(zone, host->get_netpoint(), nullptr,
                implied_datacenter_link_ ? nullptr : create_link(zone, "l-" + host_name, up));
      }
      zone->seal();
      add_arm(site_zone, zone->get_netpoint(), router, nullptr);
      site_zone->seal();
      add_arm(root_, site_zone->get_netpoint(), router, nullptr);
    }
  }

  // A fog subtree is built detached from the root and attached at the end: SimGrid 3.32 checks
  // name uniqueness and seals by walking zones, so building under the root is O(hosts x zones)
  // (SIMGRID_NOTES pitfall 1). The detached zone needs the root's models copied explicitly.
  void build_fog(const scenario::Region& region, int region_index) {
    const std::size_t fog_index = fleet_.fog.size();
    const std::string fog_name = "fog" + std::to_string(fog_index);
    auto* fog_zone = s4u::create_star_zone(fog_name);
    auto* impl = fog_zone->get_impl();
    auto* root_impl = root_->get_impl();
    impl->set_network_model(root_impl->get_network_model());
    impl->set_cpu_pm_model(root_impl->get_cpu_pm_model());
    impl->set_cpu_vm_model(root_impl->get_cpu_vm_model());
    impl->set_disk_model(root_impl->get_disk_model());
    impl->set_host_model(root_impl->get_host_model());

    auto* core_zone = s4u::create_star_zone(fog_name + "-core");
    core_zone->set_parent(fog_zone);
    auto* fog_host = make_host(core_zone, fog_name + "-h", region.fog, core::Tier::kFog, fog_index,
                               fleet_.fog, region_index);
    add_arm(core_zone, fog_host->get_netpoint(), nullptr, nullptr);
    core_zone->seal();
    add_arm(fog_zone, core_zone->get_netpoint(), fog_host->get_netpoint(), nullptr);
    Uplink wan_up = record_uplink(region.links.fog_cloud, core::Tier::kFog, fog_index, fleet_.fog);
    // The lone cloud host's datacenter latency, when its link is left out of the routes.
    if (implied_datacenter_link_) wan_up.latency_s += s_.cloud.internal_latency_s;
    auto* wan = create_link(fog_zone, "l-" + fog_name, wan_up);
    fleet_.fog_first_edge.push_back(static_cast<std::int32_t>(fleet_.edge.size()));
    fleet_.fog_edge_count.push_back(region.edges_per_fog);

    for (int e = 0; e < region.edges_per_fog; ++e) {
      const std::size_t edge_index = fleet_.edge.size();
      const std::string edge_name = "edge" + std::to_string(edge_index);
      auto* edge_zone = s4u::create_star_zone(edge_name);
      edge_zone->set_parent(fog_zone);
      auto* edge_host = make_host(edge_zone, edge_name + "-h", region.edge, core::Tier::kEdge,
                                  edge_index, fleet_.edge, region_index);
      add_arm(edge_zone, edge_host->get_netpoint(), nullptr, nullptr);
      fleet_.edge_fog.push_back(static_cast<std::int32_t>(fog_index));
      fleet_.edge_first_device.push_back(static_cast<std::int64_t>(fleet_.device.size()));
      fleet_.edge_device_count.push_back(region.devices_per_edge);
      for (int d = 0; d < region.devices_per_edge; ++d) {
        const std::size_t device_index = fleet_.device.size();
        const std::string device_name = "dev" + std::to_string(device_index);
        auto* device = make_host(edge_zone, device_name, region.device, core::Tier::kDevice,
                                 device_index, fleet_.device, region_index);
        const Uplink up = record_uplink(region.links.device_edge, core::Tier::kDevice, device_index,
                                        fleet_.device);
        add_arm(edge_zone, device->get_netpoint(), nullptr,
                create_link(edge_zone, "l-" + device_name, up));
        fleet_.device_edge.push_back(static_cast<std::int32_t>(edge_index));
      }
      edge_zone->seal();
      const Uplink up =
          record_uplink(region.links.edge_fog, core::Tier::kEdge, edge_index, fleet_.edge);
      add_arm(fog_zone, edge_zone->get_netpoint(), edge_host->get_netpoint(),
              create_link(fog_zone, "l-" + edge_name, up));
    }
    pending_fogs_.push_back({fog_zone, fog_host, wan});
  }

  struct PendingFog {
    s4u::NetZone* zone;
    s4u::Host* gateway;
    s4u::Link* wan;
  };
  std::vector<PendingFog> pending_fogs_;

  const scenario::Scenario& s_;
  bool implied_datacenter_link_ = false;
  s4u::NetZone* root_ = nullptr;
  Fleet fleet_;
};

}  // namespace

Fleet build_platform(const scenario::Scenario& s) {
  return Builder(s).build();
}

}  // namespace edgefleet::sim
