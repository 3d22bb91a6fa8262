// The floor of issue 5's federated benchmark: a bare SimGrid program that builds the same platform
// as `edgefleet run SCENARIO` and issues the same activities as its synchronous federated rounds:
// each round, the clients in the order the uniform selector draws them; per client the model
// download (cloud coordinator -> device), the local training's FLOPs on the device and the update
// upload (device -> its fog under a fog coordinator, else -> the coordinator), behind the same
// transfer gates (max_parallel_transfers per aggregator, first come first served); under a fog
// coordinator, each fog's one aggregate upload once its clients are in. Chained in completion
// callbacks. No training, no energy reads, no metrics: what is left is SimGrid's own work.
// Only what the benchmark uses is modelled (uniform selection, no churn, no stragglers, no
// deadline); anything else is refused. Usage: edgefleet_bare_federated SCENARIO [--set ...].
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include "bench/bare_input.hpp"
#include "core/cpu_time.hpp"
#include "core/input_error.hpp"
#include "federated/client_selection.hpp"
#include "federated/compression.hpp"
#include "federated/federation_data.hpp"
#include "learning/model_factory.hpp"
#include "sim/engine_setup.hpp"
#include "sim/platform_builder.hpp"

namespace s4u = simgrid::s4u;
using simgrid::kernel::timer::Timer;
using namespace edgefleet;

namespace {

enum Stage : int { kDownload, kTrain, kUpload, kFogUpload };

struct Client {
  s4u::Host* host = nullptr;
  int fog = -1;  // the aggregator of its update under a fog coordinator
  double train_flops = 0;
};

struct Bare {
  const scenario::FederatedSpec* spec = nullptr;
  const sim::Fleet* fleet = nullptr;
  s4u::Host* coordinator = nullptr;
  std::vector<Client> clients;
  std::vector<Stage> stage;  // per client
  double download_bytes = 0, upload_bytes = 0;
  std::unique_ptr<federated::ClientSelector> selector;
  core::Rng selection_rng;
  // Gate 0: the coordinator's transfers; gate 1 + f: uploads to fog f.
  std::vector<std::size_t> in_flight;
  std::vector<std::deque<std::int64_t>> waiting;
  std::vector<int> fog_pending;
  std::int64_t running = 0;
  int fog_uploads_running = 0;
  int round = 0;
  std::int64_t activities = 0;
  std::vector<s4u::ActivityPtr> current;   // per client, then per fog (its aggregate upload)
  std::vector<s4u::ActivityPtr> finished;  // released at the next completion, as SimGrid requires

  std::size_t gate_of(std::int64_t c) const {
    const Client& client = clients[static_cast<std::size_t>(c)];
    return stage[static_cast<std::size_t>(c)] == kUpload && client.fog >= 0
               ? 1 + static_cast<std::size_t>(client.fog)
               : 0;
  }

  void start(s4u::ActivityPtr a, std::size_t owner, std::uintptr_t tag) {
    a->set_data(reinterpret_cast<void*>(tag + 1));
    a->vetoable_start();
    current[owner] = std::move(a);
    ++activities;
  }

  void transfer(std::int64_t c) {
    const Client& client = clients[static_cast<std::size_t>(c)];
    const bool down = stage[static_cast<std::size_t>(c)] == kDownload;
    s4u::Host* to = down ? client.host
                         : (client.fog >= 0 ? fleet->fog.host[static_cast<std::size_t>(client.fog)]
                                            : coordinator);
    auto comm = s4u::Comm::sendto_init(down ? coordinator : client.host, to);
    comm->set_payload_size(
        static_cast<std::uint64_t>(std::ceil(down ? download_bytes : upload_bytes)));
    start(comm, static_cast<std::size_t>(c), static_cast<std::uintptr_t>(c) << 2);
  }

  void start_stage(std::int64_t c) {
    const Client& client = clients[static_cast<std::size_t>(c)];
    if (stage[static_cast<std::size_t>(c)] == kTrain) {
      auto exec = s4u::Exec::init();
      exec->set_host(client.host);
      exec->set_flops_amount(client.train_flops);
      start(exec, static_cast<std::size_t>(c), static_cast<std::uintptr_t>(c) << 2);
      return;
    }
    const auto limit = static_cast<std::size_t>(spec->max_parallel_transfers);
    const std::size_t g = gate_of(c);
    if (limit > 0 && in_flight[g] >= limit) {
      waiting[g].push_back(c);
      return;
    }
    ++in_flight[g];
    transfer(c);
  }

  void release(std::size_t g) {
    --in_flight[g];
    if (waiting[g].empty()) return;
    const std::int64_t next = waiting[g].front();
    waiting[g].pop_front();
    ++in_flight[g];
    transfer(next);
  }

  void begin_round() {
    ++round;
    std::vector<federated::ClientObservation> all(clients.size());
    for (std::size_t k = 0; k < all.size(); ++k) all[k].id = static_cast<std::int64_t>(k);
    const auto sel =
        selector->select(all, static_cast<std::size_t>(spec->clients_per_round), selection_rng);
    for (std::int64_t c : sel.clients) {
      stage[static_cast<std::size_t>(c)] = kDownload;
      const int fog = clients[static_cast<std::size_t>(c)].fog;
      if (fog >= 0) ++fog_pending[static_cast<std::size_t>(fog)];
      ++running;
      start_stage(c);
    }
  }

  void on_completion(std::uintptr_t tag) {
    finished.clear();
    const std::size_t owner = (tag & 3) == kFogUpload ? clients.size() + (tag >> 2) : tag >> 2;
    finished.push_back(std::move(current[owner]));
    if ((tag & 3) == kFogUpload) {
      --fog_uploads_running;
      return maybe_close_round();
    }
    const auto c = static_cast<std::int64_t>(tag >> 2);
    Stage& s = stage[static_cast<std::size_t>(c)];
    if (s != kTrain) release(gate_of(c));
    if (s != kUpload) {
      s = static_cast<Stage>(s + 1);
      return start_stage(c);
    }
    --running;
    const int fog = clients[static_cast<std::size_t>(c)].fog;
    if (fog >= 0 && --fog_pending[static_cast<std::size_t>(fog)] == 0) {
      auto comm =
          s4u::Comm::sendto_init(fleet->fog.host[static_cast<std::size_t>(fog)], coordinator);
      comm->set_payload_size(static_cast<std::uint64_t>(std::ceil(upload_bytes)));
      ++fog_uploads_running;
      start(comm, clients.size() + static_cast<std::size_t>(fog),
            (static_cast<std::uintptr_t>(fog) << 2) | kFogUpload);
    }
    maybe_close_round();
  }

  void maybe_close_round() {
    if (running > 0 || fog_uploads_running > 0 || round >= spec->rounds) return;
    Timer::set(s4u::Engine::get_clock() + spec->round_interval_s, [this] { begin_round(); });
  }
};

// What this program models of the federated section; the rest would issue other activities.
void check_supported(const scenario::FederatedSpec& f) {
  auto refuse = [](const char* path, const char* what) {
    throw core::InputError(path, std::string("edgefleet_bare_federated models only ") + what);
  };
  if (!f.enabled) refuse("/federated", "scenarios with a federated section");
  if (f.mode != "sync") refuse("/federated/mode", "sync rounds");
  if (f.selection.name != "uniform") refuse("/federated/selection/name", "uniform selection");
  if (f.stragglers.fraction > 0)
    refuse("/federated/stragglers/fraction", "rounds without stragglers");
  if (f.availability.mean_online_s > 0) refuse("/federated/availability", "always-online clients");
  if (f.round_deadline_s > 0) refuse("/federated/round_deadline", "rounds without a deadline");
}

}  // namespace

int main(int argc, char** argv) {
  std::unique_ptr<learning::Model> model;
  std::optional<federated::FederationShape> shape;
  Bare bare;
  const std::optional<scenario::Scenario> input = bench::load_bare_input(
      argc, argv, "edgefleet_bare_federated", [&](const scenario::Scenario& s) {
        check_supported(s.federated);
        shape = federated::predict_shape(s.federated, s.seed);
        if (!shape)
          throw core::InputError("/federated/dataset",
                                 "edgefleet_bare_federated models only synthetic data");
        model = learning::make_model({s.federated.model_kind, s.federated.hidden_layers},
                                     shape->input_dim, shape->num_classes, s.seed);
        bare.upload_bytes = federated::make_compressor(
                                s.federated.compression.name, s.federated.compression.params,
                                "/federated/compression/name", "/federated/compression/params")
                                ->wire_bytes(model->parameter_count());
        bare.selector = federated::make_client_selector(
            s.federated.selection.name, s.federated.selection.params, "/federated/selection/name",
            "/federated/selection/params");
      });
  if (!input) return 2;
  const scenario::Scenario& s = *input;
  const auto wall_start = std::chrono::steady_clock::now();
  auto engine = sim::make_engine(s, {});
  const sim::Fleet fleet = sim::build_platform(s);
  const scenario::FederatedSpec& f = s.federated;
  bare.spec = &f;
  bare.fleet = &fleet;
  bare.coordinator = fleet.cloud.host.front();
  bare.download_bytes = static_cast<double>(model->parameter_count()) * f.bytes_per_parameter;
  bare.selection_rng = core::make_stream(s.seed, core::StreamPurpose::kFederatedSelection, 0);
  const auto devices = static_cast<std::int64_t>(fleet.device.size());
  bare.clients.resize(static_cast<std::size_t>(f.clients));
  bare.stage.assign(bare.clients.size(), kDownload);
  for (std::int64_t k = 0; k < f.clients; ++k) {
    // Spread over the fleet as FederatedDriver::device_of does.
    const auto d = static_cast<std::size_t>((static_cast<__int128>(k) * devices) / f.clients);
    Client& c = bare.clients[static_cast<std::size_t>(k)];
    c.host = fleet.device.host[d];
    if (f.coordinator == "fog")
      c.fog = fleet.edge_fog[static_cast<std::size_t>(fleet.device_edge[d])];
    c.train_flops = shape->train_samples[static_cast<std::size_t>(k)] * f.local.local_epochs *
                    model->flops_per_training_sample();
  }
  const std::size_t gates = 1 + (f.coordinator == "fog" ? fleet.fog.size() : 0);
  bare.in_flight.assign(gates, 0);
  bare.waiting.resize(gates);
  bare.fog_pending.assign(fleet.fog.size(), 0);
  bare.current.resize(bare.clients.size() + fleet.fog.size());
  s4u::Activity::on_completion_cb([&bare](const s4u::Activity& a) {
    void* data = a.get_data<void>();
    if (!data) return;
    bare.on_completion(reinterpret_cast<std::uintptr_t>(data) - 1);
  });
  Timer::set(f.start_s, [&bare] { bare.begin_round(); });
  const double loop_start_cpu_s = core::thread_cpu_s();
  engine->run();
  const double loop_cpu_s = core::thread_cpu_s() - loop_start_cpu_s;
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::printf(
      "bare_federated rounds=%d activities=%lld simulated_s=%.6f wall_s=%.3f loop_cpu_s=%.3f\n",
      bare.round, static_cast<long long>(bare.activities), s4u::Engine::get_clock(), wall_s,
      loop_cpu_s);
  return 0;
}
