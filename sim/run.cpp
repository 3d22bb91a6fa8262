#include "sim/run.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

#include <simgrid/plugins/energy.h>
#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include "core/cpu_time.hpp"
#include "federated/round_summary.hpp"
#include "federated/trainer.hpp"
#include "sim/engine_setup.hpp"
#include "sim/federated/federated_driver.hpp"
#include "sim/platform_builder.hpp"
#include "sim/serving/deployment_table.hpp"

namespace edgefleet::sim {

namespace {

// CPU seconds the calling thread has run (user + system).
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

// "model:variant" for every workload model deployed on the node.
std::string deployed_variants(const serving::DeploymentTable& d, serving::NodeId id) {
  std::string out;
  for (std::size_t m = 0; m < d.models().size(); ++m) {
    const scenario::ModelVariant* v = d.variant(m, id);
    if (!v) continue;
    if (!out.empty()) out += ';';
    out += d.models()[m]->name + ':' + v->name;
  }
  return out;
}

void collect_serving(const scenario::Scenario& s, serving::ServingEngine& serving,
                     const serving::DeploymentTable& deployment, RunResult& result) {
  serving.check_conservation();
  const auto& nodes = serving.nodes();
  for (NodeRecord& n : result.nodes) {
    const serving::NodeId id = nodes.id(n.tier, n.index);
    n.utilisation = serving.node_utilisation(id, result.simulated_s);
    n.deployed_variants = deployed_variants(deployment, id);
  }
  std::array<double, 4> energy{};
  for (int t = 0; t < 4; ++t) energy[t] = result.tiers[t].energy_j;
  ServingResult& out = result.serving;
  const metrics::ServingCollector& c = serving.collector();
  out.ran = true;
  out.summary = c.summary(result.simulated_s, energy);
  out.requests = serving.requests_created();
  out.p95_latency_s = c.overall_stats().p95_s;
  out.slo_attainment = c.slo_attainment();
  out.sampled_requests = serving.sampled_requests();

  metrics::SizingInputs& z = out.sizing;
  z.p95_s = out.p95_latency_s;
  z.slo_target_s = std::numeric_limits<double>::infinity();
  for (const auto& w : s.workloads) z.slo_target_s = std::min(z.slo_target_s, w.slo_latency_s);
  z.slo_attainment = out.slo_attainment;
  const auto& o = c.outcomes();
  z.drop_rate = o.total() > 0 ? static_cast<double>(o.dropped() + o.failed()) / o.total() : 0.0;
  for (int t = 0; t < 4; ++t) {
    if (nodes.count(static_cast<core::Tier>(t)) == 0) continue;
    z.utilisation_by_tier[metrics::kTierNames[t]] = c.utilisation(t, result.simulated_s);
    z.queue_growth_by_tier[metrics::kTierNames[t]] = c.queue_growth(t, result.simulated_s);
  }
  z.cloud_rtt_s = std::numeric_limits<double>::quiet_NaN();
  if (nodes.count(core::Tier::kCloud) > 0 && nodes.count(core::Tier::kDevice) > 0) {
    z.cloud_rtt_s =
        2 *
        nodes.route(nodes.id(core::Tier::kDevice, 0), nodes.id(core::Tier::kCloud, 0)).latency_s;
  }
}

void collect_federated(const scenario::Scenario& s,
                       const edgefleet::federated::FederatedTrainer& trainer,
                       const sim::federated::FederatedDriver& driver, FederatedResult& out) {
  out.ran = true;
  out.rounds = driver.rounds();
  edgefleet::federated::RoundSummaryContext c;
  const scenario::FederatedSpec& f = s.federated;
  c.mode = f.coordinator == "fog" ? "sync_hierarchical" : f.mode;
  c.aggregator = f.aggregator.name;
  c.server_optimizer = f.server_optimizer.name;
  c.dataset = trainer.data().description;
  c.parameters = trainer.parameter_count();
  c.download_bytes_per_client = trainer.download_bytes();
  c.upload_bytes_per_client = trainer.upload_bytes();
  c.target_accuracy = f.target_accuracy;
  c.privacy_delta = f.privacy.noise_multiplier > 0 ? f.privacy.delta : 0.0;
  c.rounds_requested = f.rounds;
  c.initial = trainer.initial_metrics();
  if (out.rounds.empty()) c.initial.train_loss = trainer.initial_train_loss();  // shown as final
  out.summary = edgefleet::federated::round_summary_json(out.rounds, c);
}

// When the data's shape is known without building it (synthetic data), the clients' data is built
// on a thread of its own while SimGrid simulates: the simulation needs only row counts, and the
// first round's numerics wait for the data. File datasets are loaded here, before the run, so a
// bad file is an input error before anything is simulated.
std::unique_ptr<edgefleet::federated::FederatedTrainer> make_trainer(const scenario::Scenario& s,
                                                                     double& data_wall_s) {
  auto build = [&s, &data_wall_s] {
    const auto start = std::chrono::steady_clock::now();
    auto data = edgefleet::federated::make_federation_data(s.federated, s.seed);
    data_wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return data;
  };
  if (auto shape = edgefleet::federated::predict_shape(s.federated, s.seed))
    return std::make_unique<edgefleet::federated::FederatedTrainer>(s.federated, std::move(*shape),
                                                                    build, s.seed);
  return std::make_unique<edgefleet::federated::FederatedTrainer>(s.federated, build(), s.seed);
}

}  // namespace

RunResult run_simulation(const scenario::Scenario& s, const RunOptions& options) {
  // The trainer first: its data thread (synthetic data) then builds the clients' data while this
  // thread sets up SimGrid and the platform (~0.2 s at 8,192 clients, one core otherwise idle).
  double data_wall_s = 0;  // before the trainer: its data thread writes it
  std::unique_ptr<edgefleet::federated::FederatedTrainer> trainer;
  if (s.federated.enabled) trainer = make_trainer(s, data_wall_s);
  auto engine = make_engine(s, {options.simgrid_log_threshold});
  const Fleet fleet = build_platform(s);
  RunResult result;
  collect_static_facts(s, fleet, result);

  schedule_progress(options, s.simulation.duration_s);
  // The platform idles until the horizon so energy covers the whole scenario duration.
  simgrid::kernel::timer::Timer::set(s.simulation.duration_s, [] {});
  const serving::NodeTable nodes(fleet);
  const serving::DeploymentTable deployment(s, nodes);
  std::unique_ptr<serving::ServingEngine> serving;
  if (!s.workloads.empty()) {
    serving = std::make_unique<serving::ServingEngine>(
        s, fleet, serving::make_policy_adapter(s, fleet, deployment),
        options.sample_requests_every);
    serving->start();
  }
  std::unique_ptr<sim::federated::FederatedDriver> rounds;
  if (s.federated.enabled) {
    rounds = std::make_unique<sim::federated::FederatedDriver>(s, fleet, *trainer);
    rounds->start();
  }
  // Arrivals stop at the horizon; the run goes on until every request in flight has ended, so
  // each one has exactly one outcome.
  const double loop_start_cpu_s = core::thread_cpu_s();
  engine->run();
  result.event_loop_cpu_s = core::thread_cpu_s() - loop_start_cpu_s;
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
                              hosts.uplink_latency_s[i], host_j, 0.0, ""});
    }
    result.tiers[static_cast<int>(t)].energy_j = joules;
  }
  if (serving) collect_serving(s, *serving, deployment, result);
  if (rounds) {
    collect_federated(s, *trainer, *rounds, result.federated);
    result.federated.data_wall_s = data_wall_s;
  }
  return result;
}

}  // namespace edgefleet::sim
