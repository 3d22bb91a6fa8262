#include "sim/run.hpp"

#include <simgrid/plugins/energy.h>
#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include "sim/engine_setup.hpp"
#include "sim/platform_builder.hpp"

namespace edgefleet::sim {

namespace {

void collect_static_facts(const scenario::Scenario& s, const Fleet& fleet, RunResult& out) {
  for (core::Tier t : core::kAllTiers) {
    const TierHosts& hosts = fleet.tier(t);
    TierFacts& f = out.tiers[static_cast<int>(t)];
    f.hosts = static_cast<std::int64_t>(hosts.size());
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      f.total_speed_flops += hosts.speed_flops[i];
      f.total_memory_bytes += hosts.memory_bytes[i];
      f.uplink_capacity_bps += hosts.uplink_bandwidth_bps[i];
      const auto& hw = t == core::Tier::kCloud  ? s.cloud.host.hardware
                       : t == core::Tier::kFog  ? s.regions[hosts.region[i]].fog.hardware
                       : t == core::Tier::kEdge ? s.regions[hosts.region[i]].edge.hardware
                                                : s.regions[hosts.region[i]].device.hardware;
      f.idle_power_w += hw.idle_power_w;
      f.peak_power_w += hw.peak_power_w;
      f.purchase_usd += hw.purchase_usd;
      f.usd_per_hour += hw.usd_per_hour;
    }
  }
}

// Progress ticks are kernel timers, not an actor: they cost nothing when nobody listens.
void schedule_progress(const RunOptions& options, double end_s) {
  if (!options.progress) return;
  const double step = end_s / 20;
  for (int k = 1; k < 20; ++k) {
    simgrid::kernel::timer::Timer::set(k * step, [&options, end_s] {
      options.progress(simgrid::s4u::Engine::get_clock(), end_s);
    });
  }
}

}  // namespace

RunResult run_simulation(const scenario::Scenario& s, const RunOptions& options) {
  auto engine = make_engine(s, {options.simgrid_log_threshold});
  const Fleet fleet = build_platform(s);
  RunResult result;
  collect_static_facts(s, fleet, result);

  schedule_progress(options, s.simulation.duration_s);
  // The platform idles until the horizon so energy covers the whole scenario duration.
  simgrid::kernel::timer::Timer::set(s.simulation.duration_s, [] {});
  engine->run_until(s.simulation.duration_s);
  result.simulated_s = simgrid::s4u::Engine::get_clock();

  for (core::Tier t : core::kAllTiers) {
    const TierHosts& hosts = fleet.tier(t);
    double joules = 0;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      const double host_j = sg_host_get_consumed_energy(hosts.host[i]);
      joules += host_j;
      if (t == core::Tier::kDevice) continue;
      result.nodes.push_back({t, static_cast<std::int64_t>(i), hosts.host[i]->get_name(),
                              hosts.region[i], hosts.speed_flops[i], hosts.cores[i],
                              hosts.memory_bytes[i], hosts.uplink_bandwidth_bps[i],
                              hosts.uplink_latency_s[i], host_j});
    }
    result.tiers[static_cast<int>(t)].energy_j = joules;
  }
  return result;
}

}  // namespace edgefleet::sim
