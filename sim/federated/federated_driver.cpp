#include "sim/federated/federated_driver.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <simgrid/plugins/energy.h>
#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include "core/random_draws.hpp"
#include "sim/completion_router.hpp"

namespace edgefleet::sim::federated {

using edgefleet::federated::RoundRecord;

namespace s4u = simgrid::s4u;
using simgrid::kernel::timer::Timer;

namespace {

constexpr int kStageBits = 2;
constexpr int kSlotBits = 30;
constexpr std::uint64_t kSlotMask = (std::uint64_t{1} << kSlotBits) - 1;
constexpr std::uint64_t kEpochMask = (std::uint64_t{1} << 24) - 1;

double now_s() {
  return s4u::Engine::get_clock();
}

}  // namespace

FederatedDriver::FederatedDriver(const scenario::Scenario& s, const Fleet& fleet,
                                 edgefleet::federated::FederatedTrainer& trainer)
    : s_(s),
      spec_(s.federated),
      fleet_(fleet),
      trainer_(trainer),
      selector_(edgefleet::federated::make_client_selector(
          spec_.selection.name, spec_.selection.params, "/federated/selection/name",
          "/federated/selection/params")),
      selection_rng_(core::make_stream(s.seed, core::StreamPurpose::kFederatedSelection, 0)),
      coordinator_(fleet.cloud.host.front()) {
  const auto n = static_cast<std::size_t>(spec_.clients);
  availability_.reserve(n);
  battery_start_.resize(n);
  energy_used_j_.assign(n, 0.0);
  busy_.assign(n, false);
  for (std::size_t k = 0; k < n; ++k) {
    const auto client = static_cast<std::int64_t>(k);
    availability_.emplace_back(spec_.availability.mean_online_s, spec_.availability.mean_offline_s,
                               s.seed, client);
    // Battery at the start of the run, U(0.2, 1) per client: an assumption (no charging model),
    // stated in docs/federated.md; mains-powered hardware reads 1.
    core::Rng rng = core::make_stream(s.seed, core::StreamPurpose::kFederatedSelection, 1 + k);
    battery_start_[k] = core::draw_uniform(rng, 0.2, 1.0);
  }
  if (spec_.mode != "async") {
    numerics_ = std::make_unique<core::SerialWorker>();
    trainer_.defer_train_loss();  // settle() collects the rounds' train losses
  }
  gates_.resize(1 + (spec_.coordinator == "fog" ? fleet.fog.size() : 0));
  if (spec_.coordinator == "fog") {
    fog_pending_.assign(fleet.fog.size(), 0);
    fog_done_.resize(fleet.fog.size());
    fog_activity_.resize(fleet.fog.size());
  }
}

FederatedDriver::~FederatedDriver() = default;

const std::vector<RoundRecord>& FederatedDriver::rounds() const {
  settle();
  return rounds_;
}

void FederatedDriver::settle() const {
  if (pending_.empty()) return;
  for (auto& [index, metrics] : pending_) {
    RoundRecord& r = rounds_[index];
    r.metrics = metrics.get();  // rethrows what the round's numerics threw
    r.completed = static_cast<std::int64_t>(r.metrics.aggregated);
  }
  pending_.clear();
  // Every job has ended: the worker is idle, so this thread may use the trainer.
  const std::map<int, double> train_losses = trainer_.settle_train_losses();
  for (RoundRecord& r : rounds_)
    if (const auto it = train_losses.find(r.round); it != train_losses.end())
      r.metrics.train_loss = it->second;
}

std::int64_t FederatedDriver::device_of(std::int64_t client) const {
  // Spread evenly so that clients cover every region, fog and edge of the fleet.
  const auto devices = static_cast<std::int64_t>(fleet_.device.size());
  return static_cast<std::int64_t>((static_cast<__int128>(client) * devices) / spec_.clients);
}

s4u::Host* FederatedDriver::client_host(std::int64_t client) const {
  return fleet_.device.host[static_cast<std::size_t>(device_of(client))];
}

s4u::Host* FederatedDriver::aggregator_host(const ClientRun& run) const {
  return run.fog >= 0 ? fleet_.fog.host[static_cast<std::size_t>(run.fog)] : coordinator_;
}

double FederatedDriver::battery_fraction(std::int64_t client) const {
  const auto d = static_cast<std::size_t>(device_of(client));
  const double wh =
      s_.regions[static_cast<std::size_t>(fleet_.device.region[d])].device.hardware.battery_wh;
  if (wh <= 0) return 1.0;
  const auto k = static_cast<std::size_t>(client);
  return std::max(0.0, battery_start_[k] - energy_used_j_[k] / (wh * 3600.0));
}

std::vector<edgefleet::federated::ClientObservation> FederatedDriver::observe(bool idle_only) {
  std::vector<edgefleet::federated::ClientObservation> out;
  out.reserve(static_cast<std::size_t>(spec_.clients));
  const double t = now_s();
  for (std::int64_t k = 0; k < spec_.clients; ++k) {
    if (idle_only && busy_[static_cast<std::size_t>(k)]) continue;
    edgefleet::federated::ClientObservation o;
    o.id = k;
    o.online = availability_[static_cast<std::size_t>(k)].online_at(t);
    o.battery_fraction = battery_fraction(k);
    o.speed_flops = fleet_.device.speed_flops[static_cast<std::size_t>(device_of(k))];
    o.samples = trainer_.train_samples(k);
    out.push_back(o);
  }
  return out;
}

std::uint64_t FederatedDriver::payload(std::size_t slot, Stage stage) const {
  return ((static_cast<std::uint64_t>(epoch_) & kEpochMask) << (kSlotBits + kStageBits)) |
         ((static_cast<std::uint64_t>(slot) & kSlotMask) << kStageBits) | stage;
}

void FederatedDriver::start() {
  set_completion_handler(ActivityOwner::kFederated,
                         [this](std::uint64_t p, const s4u::Activity& a) { on_completion(p, a); });
  if (spec_.mode == "async") {
    epoch_ = 1;
    Timer::set(spec_.start_s, [this] {
      round_ = 1;
      current_ = RoundRecord{};
      current_.round = 1;
      current_.start_s = now_s();
      async_refill();
    });
  } else {
    Timer::set(spec_.start_s, [this] { begin_sync_round(); });
  }
}

void FederatedDriver::launch_client(std::int64_t client) {
  ClientRun run;
  run.task = trainer_.plan(client, round_);
  run.start_s = now_s();
  run.energy_start_j = sg_host_get_consumed_energy(client_host(client));
  if (!fog_pending_.empty()) {
    const auto d = static_cast<std::size_t>(device_of(client));
    run.fog = fleet_.edge_fog[static_cast<std::size_t>(fleet_.device_edge[d])];
    ++fog_pending_[static_cast<std::size_t>(run.fog)];
  }
  if (spec_.mode == "async") {
    run.snapshot = trainer_.snapshot();
    run.start_version = trainer_.model_version();
  }
  busy_[static_cast<std::size_t>(client)] = true;
  ++current_.selected;
  if (run.task.straggler) ++current_.stragglers;
  runs_.push_back(std::move(run));
  ++running_;
  const std::size_t slot = runs_.size() - 1;
  // A client picked while offline (a selector blind to availability) never starts.
  if (!availability_[static_cast<std::size_t>(client)].online_at(now_s())) {
    client_lost(slot, &RoundRecord::dropped);
    return;
  }
  start_stage(slot);
}

void FederatedDriver::start_stage(std::size_t slot) {
  ClientRun& run = runs_[slot];
  if (run.stage == kTrain) {
    auto exec = s4u::Exec::init();
    exec->set_host(client_host(run.task.client));
    exec->set_flops_amount(run.task.train_flops);
    exec->set_data(tag_activity(ActivityOwner::kFederated, payload(slot, kTrain)));
    run.activity = exec;
    exec->vetoable_start();
    return;
  }
  const auto limit = static_cast<std::size_t>(spec_.max_parallel_transfers);
  if (limit > 0) {
    TransferGate& gate = gates_[gate_of(run)];
    if (gate.in_flight >= limit) {
      gate.waiting.push_back(slot);
      return;
    }
    ++gate.in_flight;
    run.holds_gate = true;
  }
  start_transfer(slot);
}

std::size_t FederatedDriver::gate_of(const ClientRun& run) const {
  return run.stage == kUpload && run.fog >= 0 ? 1 + static_cast<std::size_t>(run.fog) : 0;
}

void FederatedDriver::release_gate(ClientRun& run) {
  if (!run.holds_gate) return;
  run.holds_gate = false;
  TransferGate& gate = gates_[gate_of(run)];
  --gate.in_flight;
  const auto limit = static_cast<std::size_t>(spec_.max_parallel_transfers);
  while (!gate.waiting.empty() && gate.in_flight < limit) {
    const std::size_t next = gate.waiting.front();
    gate.waiting.pop_front();
    if (!runs_[next].active) continue;  // lost while it waited
    ++gate.in_flight;
    runs_[next].holds_gate = true;
    start_transfer(next);
  }
}

void FederatedDriver::start_transfer(std::size_t slot) {
  ClientRun& run = runs_[slot];
  s4u::Host* client = client_host(run.task.client);
  const bool down = run.stage == kDownload;
  const double bytes = down ? trainer_.download_bytes() : trainer_.upload_bytes();
  (down ? current_.bytes_down : current_.bytes_up) += bytes;
  auto comm = down ? s4u::Comm::sendto_init(coordinator_, client)
                   : s4u::Comm::sendto_init(client, aggregator_host(run));
  comm->set_payload_size(static_cast<std::uint64_t>(std::ceil(bytes)));
  comm->set_data(tag_activity(ActivityOwner::kFederated, payload(slot, run.stage)));
  run.activity = comm;
  comm->vetoable_start();
}

void FederatedDriver::retire(s4u::ActivityPtr activity) {
  if (activity) retired_.back().push_back(std::move(activity));
}

void FederatedDriver::rotate_retired() {
  // SimGrid keeps using an activity after its completion callback (and inside cancel()): handles
  // are released two rounds later, when the engine is certainly done with them.
  retired_.front() = std::move(retired_.back());
  retired_.back().clear();
}

void FederatedDriver::on_completion(std::uint64_t p, const s4u::Activity& completed) {
  const bool ok = completed.get_state() == s4u::Activity::State::FINISHED;
  const auto epoch = static_cast<std::uint32_t>(p >> (kSlotBits + kStageBits));
  if (epoch != (epoch_ & kEpochMask) || finished_) return;  // an activity of a closed round
  const auto slot = static_cast<std::size_t>((p >> kStageBits) & kSlotMask);
  const auto stage = static_cast<Stage>(p & ((1u << kStageBits) - 1));
  if (stage == kFogUpload) {
    fog_upload_done(static_cast<int>(slot));
    return;
  }
  if (slot >= runs_.size() || !runs_[slot].active) return;
  ClientRun& run = runs_[slot];
  retire(std::move(run.activity));
  release_gate(run);
  auto& trace = availability_[static_cast<std::size_t>(run.task.client)];
  if (!ok || !trace.online_throughout(run.start_s, now_s())) {
    client_lost(slot, &RoundRecord::dropped);
    return;
  }
  switch (stage) {
    case kDownload:
      run.stage = kTrain;
      start_stage(slot);
      return;
    case kTrain:
      if (run.task.discard) {  // a FedAvg straggler: its partial work is thrown away
        client_lost(slot, nullptr);
        return;
      }
      run.stage = kUpload;
      start_stage(slot);
      return;
    default:
      client_done(slot);
  }
}

void FederatedDriver::account_energy(const ClientRun& run) {
  const double joules =
      sg_host_get_consumed_energy(client_host(run.task.client)) - run.energy_start_j;
  current_.client_energy_j += joules;
  energy_used_j_[static_cast<std::size_t>(run.task.client)] += joules;
}

void FederatedDriver::client_done(std::size_t slot) {
  ClientRun& run = runs_[slot];
  run.active = false;
  --running_;
  busy_[static_cast<std::size_t>(run.task.client)] = false;
  account_energy(run);
  if (spec_.mode == "async") {
    async_arrival(slot);
    return;
  }
  if (run.fog < 0) {
    done_.push_back(run.task);
    done_fog_.push_back(-1);
  } else {
    fog_done_[static_cast<std::size_t>(run.fog)].push_back(run.task);
    fog_client_left(run.fog);
  }
  maybe_close_sync_round();
}

void FederatedDriver::client_lost(std::size_t slot, std::int64_t RoundRecord::*counter) {
  ClientRun& run = runs_[slot];
  run.active = false;
  --running_;
  busy_[static_cast<std::size_t>(run.task.client)] = false;
  if (counter) ++(current_.*counter);
  account_energy(run);
  if (spec_.mode == "async") {
    async_refill();
    return;
  }
  if (run.fog >= 0) fog_client_left(run.fog);
  maybe_close_sync_round();
}

void FederatedDriver::fog_client_left(int fog) {
  const auto f = static_cast<std::size_t>(fog);
  // The fog has heard from (or given up on) all its clients: when it holds updates, it sends one
  // model-sized aggregate to the cloud.
  if (--fog_pending_[f] > 0 || fog_done_[f].empty()) return;
  auto comm = s4u::Comm::sendto_init(fleet_.fog.host[f], coordinator_);
  const double bytes = trainer_.upload_bytes();
  current_.bytes_up += bytes;
  comm->set_payload_size(static_cast<std::uint64_t>(std::ceil(bytes)));
  comm->set_data(tag_activity(ActivityOwner::kFederated, payload(f, kFogUpload)));
  fog_activity_[f] = comm;
  ++fog_uploads_running_;
  comm->vetoable_start();
}

void FederatedDriver::fog_upload_done(int fog) {
  const auto f = static_cast<std::size_t>(fog);
  retire(std::move(fog_activity_[f]));
  --fog_uploads_running_;
  for (const auto& task : fog_done_[f]) {
    done_.push_back(task);
    done_fog_.push_back(fog);
  }
  fog_done_[f].clear();
  maybe_close_sync_round();
}

void FederatedDriver::begin_sync_round() {
  rotate_retired();
  ++round_;
  ++epoch_;
  current_ = RoundRecord{};
  current_.round = round_;
  current_.start_s = now_s();
  runs_.clear();
  done_.clear();
  done_fog_.clear();
  for (auto& d : fog_done_) d.clear();
  const edgefleet::federated::Selection sel = selector_->select(
      observe(false), static_cast<std::size_t>(spec_.clients_per_round), selection_rng_);
  keep_ = fog_pending_.empty() ? sel.keep : sel.clients.size();
  running_ = 0;
  // A client lost at launch must not close the round before the others are launched.
  launching_ = true;
  for (std::int64_t client : sel.clients) launch_client(client);
  launching_ = false;
  if (spec_.round_deadline_s > 0) {
    Timer::set(now_s() + spec_.round_deadline_s, [this, epoch = epoch_] {
      if (epoch == epoch_ && !finished_) close_sync_round(/*deadline=*/true);
    });
  }
  maybe_close_sync_round();
}

void FederatedDriver::maybe_close_sync_round() {
  if (closing_ || launching_ || spec_.mode == "async") return;
  const bool all_reported = running_ == 0 && fog_uploads_running_ == 0;
  const bool enough = fog_pending_.empty() && keep_ > 0 && done_.size() >= keep_;
  if (all_reported || enough) close_sync_round(/*deadline=*/false);
}

void FederatedDriver::close_sync_round(bool deadline) {
  closing_ = true;
  // Whoever is still at work missed the deadline, or is not needed any more (over-commit).
  for (auto& run : runs_) {
    if (!run.active) continue;
    run.active = false;
    busy_[static_cast<std::size_t>(run.task.client)] = false;
    if (deadline) ++current_.late;
    if (run.activity) run.activity->cancel();
    retire(std::move(run.activity));
    account_energy(run);
  }
  for (std::size_t f = 0; f < fog_done_.size(); ++f) {
    if (fog_activity_[f]) fog_activity_[f]->cancel();
    retire(std::move(fog_activity_[f]));
    if (deadline) current_.late += static_cast<std::int64_t>(fog_done_[f].size());
    fog_done_[f].clear();
  }
  std::fill(fog_pending_.begin(), fog_pending_.end(), 0);
  for (auto& gate : gates_) gate = TransferGate{};
  fog_uploads_running_ = 0;
  running_ = 0;
  ++epoch_;  // completions still in flight belong to a closed round

  std::vector<int> groups;
  if (!fog_pending_.empty()) groups = done_fog_;
  // The round's numerics (local training, aggregation, evaluation) run on the worker while the
  // simulation goes on with the next rounds: nothing the simulation decides reads them
  // (selection sees availability, battery, speed and sample counts), and the worker runs the
  // rounds in order, so every figure is the one computed inline.
  pending_.push_back({rounds_.size(), numerics_->submit([this, round = round_, done = done_,
                                                         groups = std::move(groups)] {
                        return trainer_.aggregate_round(round, done, groups);
                      })});
  current_.end_s = now_s();
  rounds_.push_back(current_);
  closing_ = false;
  if (round_ >= spec_.rounds) {
    finished_ = true;
    settle();
    return;
  }
  Timer::set(now_s() + spec_.round_interval_s, [this] { begin_sync_round(); });
}

void FederatedDriver::async_arrival(std::size_t slot) {
  const ClientRun& run = runs_[slot];
  auto metrics =
      trainer_.arrive_async(run.task, run.snapshot, run.start_version, async_arrivals_++);
  ++current_.completed;
  if (metrics) {
    current_.metrics = *metrics;
    current_.completed = static_cast<std::int64_t>(metrics->aggregated);
    current_.end_s = now_s();
    rounds_.push_back(current_);
    if (round_ >= spec_.rounds) {
      finished_ = true;
      for (auto& r : runs_) {
        if (!r.active) continue;
        r.active = false;
        if (r.activity) r.activity->cancel();
        retire(std::move(r.activity));
      }
      return;
    }
    ++round_;
    rotate_retired();
    current_ = RoundRecord{};
    current_.round = round_;
    current_.start_s = now_s();
  }
  async_refill();
}

void FederatedDriver::async_refill() {
  // Re-entrancy guard: a client picked while offline is lost at launch, which would refill again
  // (and could pick the same client) before this refill returns.
  if (finished_ || refilling_) return;
  refilling_ = true;
  const std::size_t concurrency = static_cast<std::size_t>(
      spec_.max_concurrency > 0 ? spec_.max_concurrency : spec_.clients_per_round);
  if (running_ < concurrency) {
    const edgefleet::federated::Selection sel =
        selector_->select(observe(true), concurrency - running_, selection_rng_);
    for (std::size_t i = 0; i < sel.clients.size() && running_ < concurrency; ++i)
      launch_client(sel.clients[i]);
  }
  refilling_ = false;
  // Nobody could start now: look again in a second of simulated time (availability changes).
  if (running_ == 0 && !finished_) Timer::set(now_s() + 1.0, [this] { async_refill(); });
}

}  // namespace edgefleet::sim::federated
