#include "sim/serving/serving_engine.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include "core/random_draws.hpp"
#include "sim/completion_router.hpp"
#include "sim/serving/instance_shape.hpp"

namespace edgefleet::sim::serving {

namespace s4u = simgrid::s4u;
using simgrid::kernel::timer::Timer;

struct ServingEngine::WorkloadState {
  const scenario::Workload* workload;
  const scenario::ModelSpec* model;
  std::vector<NodeId> devices;
  std::unique_ptr<workload::ArrivalSource> source;
  core::Rng attributes;
  core::Rng policy;
};

namespace {

void* encode(std::int64_t slot, int branch) {
  return tag_activity(ActivityOwner::kServing, (static_cast<std::uint64_t>(slot) << 1) | branch);
}

std::array<double, 4> slots_by_tier(const NodeTable& nodes,
                                    const std::vector<std::int32_t>& slots) {
  std::array<double, 4> out{};
  for (NodeId n = 0; n < nodes.size(); ++n) out[static_cast<int>(nodes.tier(n))] += slots[n];
  return out;
}

}  // namespace

ServingEngine::ServingEngine(const scenario::Scenario& s, const Fleet& fleet,
                             std::unique_ptr<PolicyAdapter> policy, std::int64_t sample_every)
    : s_(s),
      nodes_(fleet),
      policy_(std::move(policy)),
      collector_(0.0, {}),
      sample_every_(std::max<std::int64_t>(1, sample_every)) {
  const auto n = static_cast<std::size_t>(nodes_.size());
  node_state_.resize(n);
  live_.queue_length.assign(n, 0);
  live_.busy_slots.assign(n, 0);
  live_.slots.assign(n, 1);
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    NodeState& st = node_state_[id];
    const InstanceShape shape =
        instance_shape(nodes_.speed_flops(id), nodes_.cores(id), s.serving.cpu_limit_cores);
    st.slots = shape.slots;
    st.threads = shape.threads;
    st.bound_flops = shape.bound_flops;
    live_.slots[id] = st.slots;
  }
  seen_ = live_;
  queues_.resize(static_cast<std::size_t>(nodes_.size() - nodes_.count(core::Tier::kDevice)));
  busy_integral_.assign(n, 0);
  busy_since_.assign(n, 0);
  collector_ = metrics::ServingCollector(0.0, slots_by_tier(nodes_, live_.slots));

  for (std::size_t w = 0; w < s.workloads.size(); ++w) {
    auto state = std::make_unique<WorkloadState>();
    state->workload = &s.workloads[w];
    state->model = s.find_model(state->workload->model);
    // Devices of the workload's regions; a share below 1 keeps each device with that probability,
    // drawn from the device's own stream so the choice does not depend on the fleet's size.
    for (std::int64_t d = 0; d < nodes_.count(core::Tier::kDevice); ++d) {
      const int region = fleet.device.region[d];
      const auto& names = state->workload->regions;
      if (!names.empty() &&
          std::find(names.begin(), names.end(), s.regions[region].name) == names.end())
        continue;
      if (state->workload->device_share < 1) {
        core::Rng rng =
            core::make_stream(s.seed ^ (w * 0x9E37), core::StreamPurpose::kRequestAttributes, d);
        if (core::uniform01(rng) >= state->workload->device_share) continue;
      }
      state->devices.push_back(nodes_.id(core::Tier::kDevice, d));
    }
    state->source = workload::make_arrival_source(
        state->workload->arrival, static_cast<std::int64_t>(state->devices.size()), s.seed, w);
    state->attributes =
        core::make_stream(s.seed, core::StreamPurpose::kRequestAttributes, 1000 + w);
    state->policy = core::make_stream(s.seed, core::StreamPurpose::kPolicy, w);
    workloads_.push_back(std::move(state));
  }
}

ServingEngine::~ServingEngine() = default;

void ServingEngine::start() {
  set_completion_handler(
      ActivityOwner::kServing, [this](std::uint64_t payload, const s4u::Activity& a) {
        on_activity_done(static_cast<std::int64_t>(payload >> 1), static_cast<int>(payload & 1),
                         a.get_state() == s4u::Activity::State::FINISHED);
      });
  for (std::size_t w = 0; w < workloads_.size(); ++w) schedule_next_arrival(static_cast<int>(w));
  if (s_.scheduler.telemetry_staleness_s > 0) refresh_telemetry();
  const double half_s = s_.simulation.duration_s / 2;
  Timer::set(half_s, [this, half_s] { collector_.mark_half(half_s); });
}

void ServingEngine::refresh_telemetry() {
  // Policies see edge/fog/cloud state as of the last refresh; devices know their own state live.
  const auto shared = static_cast<std::size_t>(nodes_.size() - nodes_.count(core::Tier::kDevice));
  std::copy_n(live_.queue_length.begin(), shared, seen_.queue_length.begin());
  std::copy_n(live_.busy_slots.begin(), shared, seen_.busy_slots.begin());
  const double next = s4u::Engine::get_clock() + s_.scheduler.telemetry_staleness_s;
  if (next < s_.simulation.duration_s) Timer::set(next, [this] { refresh_telemetry(); });
}

void ServingEngine::schedule_next_arrival(int w) {
  auto a = workloads_[w]->source->next(s_.simulation.duration_s);
  if (!a) return;
  Timer::set(a->time_s, [this, w, device = a->device, t = a->time_s] {
    on_arrival(w, device, t);
    schedule_next_arrival(w);
  });
}

std::int64_t ServingEngine::allocate_request() {
  if (!free_slots_.empty()) {
    const std::int64_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  pool_.emplace_back();  // a deque: grows in chunks, so references stay valid and no copy spike
  return static_cast<std::int64_t>(pool_.size() - 1);
}

void ServingEngine::on_arrival(int w, std::int64_t device_in_workload, double now) {
  finished_activities_.clear();
  WorkloadState& ws = *workloads_[w];
  const std::int64_t slot = allocate_request();
  Request& r = pool_[slot];
  r = Request{};
  r.id = next_request_id_++;
  r.workload = w;
  r.device = ws.devices[device_in_workload];
  r.created_s = now;
  r.deadline_s = s_.serving.request_timeout_s > 0 ? now + s_.serving.request_timeout_s
                                                  : std::numeric_limits<double>::infinity();
  const double u = core::uniform01(ws.attributes);
  double cumulative = 0;
  r.priority = 0;
  for (int p = 0; p < 4; ++p) {
    cumulative += ws.workload->priority_mix[p];
    if (u < cumulative) {
      r.priority = static_cast<std::uint8_t>(p);
      break;
    }
  }
  r.privacy_required = core::uniform01(ws.attributes) < ws.workload->privacy_required_share;
  r.complexity = ws.workload->complexity;

  const PlacementQuery q{r.device, ws.workload, ws.model, r.priority, r.privacy_required, now};
  const Placement p = policy_->place(q, seen(), live_, ws.policy);
  if (p.kind == PlacementKind::kReject) {
    r.branches_running = 0;
    drop(slot, p.reject_reason, /*failed=*/true);
    return;
  }
  r.serving_node = p.primary;
  r.serving_tier = static_cast<std::uint8_t>(nodes_.tier(p.primary));
  r.placement_kind = static_cast<std::uint8_t>(p.kind);
  r.accuracy = static_cast<float>(p.accuracy);
  build_plan(p, {r.device, ws.workload->input_bytes, ws.workload->output_bytes}, r);
  for (int b = 0; b < r.branch_count; ++b) advance(slot, b);
}

void ServingEngine::advance(std::int64_t slot, int b) {
  Request& r = pool_[slot];
  if (r.cursor[b] == r.branch_begin[b + 1]) {
    if (--r.branches_running == 0) finish(slot);
    return;
  }
  const Stage& st = r.stages[r.cursor[b]];
  if (st.kind == Stage::Kind::kCompute) {
    start_compute(slot, b);
    return;
  }
  const auto crossed = nodes_.links_crossed(st.from, st.to);
  for (int k = 0; k < 3; ++k) {
    if (crossed[k]) collector_.bytes(kLinkClassNames[k], crossed[k] * st.amount);
  }
  auto comm = s4u::Comm::sendto_init(nodes_.host(st.from), nodes_.host(st.to));
  comm->set_payload_size(static_cast<std::uint64_t>(st.amount));
  comm->set_data(encode(slot, b));
  r.activity[b] = comm;
  comm->vetoable_start();
}

void ServingEngine::start_compute(std::int64_t slot, int b) {
  Request& r = pool_[slot];
  const Stage& st = r.stages[r.cursor[b]];
  const NodeId node = st.from;
  NodeState& ns = node_state_[node];
  const int tier = static_cast<int>(nodes_.tier(node));
  const double now = s4u::Engine::get_clock();
  if (ns.busy >= ns.slots) {
    // Devices serve only themselves and never queue beyond their slots' worth of backlog.
    const bool is_device = nodes_.tier(node) == core::Tier::kDevice;
    if (is_device || !queues_[node].push(r.priority, {slot, static_cast<std::uint8_t>(b)},
                                         s_.serving.queue_capacity)) {
      if (try_fallback(slot, node)) return;
      --r.branches_running;
      drop(slot, is_device ? "device_busy" : "queue_full", /*failed=*/false);
      return;
    }
    ++live_.queue_length[node];
    collector_.queue_changed(now, tier, +1);
    return;
  }
  busy_integral_[node] += ns.busy * (now - busy_since_[node]);
  busy_since_[node] = now;
  ++ns.busy;
  ++live_.busy_slots[node];
  collector_.busy_slots_changed(now, tier, +1);
  auto exec = s4u::Exec::init();
  exec->set_host(nodes_.host(node));
  // SimGrid 3.32 runs `flops` on *each* thread of a multi-thread exec: split the work.
  exec->set_flops_amount(st.amount / ns.threads);
  exec->set_thread_count(ns.threads);
  if (ns.bound_flops > 0) exec->set_bound(ns.bound_flops);
  exec->set_data(encode(slot, b));
  r.activity[b] = exec;
  exec->vetoable_start();
}

bool ServingEngine::try_fallback(std::int64_t slot, NodeId rejecting) {
  Request& r = pool_[slot];
  const double now = s4u::Engine::get_clock();
  // Only a single-node plan can be re-routed whole; splits, cascades and ensembles drop.
  if (r.placement_kind != static_cast<std::uint8_t>(PlacementKind::kSingle) || now >= r.deadline_s)
    return false;
  const WorkloadState& ws = *workloads_[r.workload];
  const PlacementQuery q{r.device, ws.workload, ws.model, r.priority, r.privacy_required, now};
  const Placement p = policy_->fallback(q, rejecting, seen());
  if (p.kind != PlacementKind::kSingle) return false;
  // The input is at the rejecting node: forward it, run there, answer the device.
  const double input_bytes = ws.workload->input_bytes;
  Request& req = pool_[slot];
  ++req.retries;
  collector_.retried();
  req.serving_node = p.primary;
  req.serving_tier = static_cast<std::uint8_t>(nodes_.tier(p.primary));
  req.accuracy = static_cast<float>(p.accuracy);
  build_plan(p, {rejecting, input_bytes, 0}, req);
  // build_plan answered the rejecting node; the answer goes to the device instead.
  Stage& last = req.stages[req.branch_begin[1] - 1];
  last = Stage::transfer(p.primary, req.device, ws.workload->output_bytes);
  advance(slot, 0);
  return true;
}

void ServingEngine::on_activity_done(std::int64_t slot, int b, bool ok) {
  finished_activities_.clear();
  Request& r = pool_[slot];
  finished_activities_.push_back(std::move(r.activity[b]));
  const Stage& st = r.stages[r.cursor[b]];
  if (st.kind == Stage::Kind::kCompute) {
    const NodeId node = st.from;
    NodeState& ns = node_state_[node];
    const double now = s4u::Engine::get_clock();
    const int tier = static_cast<int>(nodes_.tier(node));
    busy_integral_[node] += ns.busy * (now - busy_since_[node]);
    busy_since_[node] = now;
    --ns.busy;
    --live_.busy_slots[node];
    collector_.busy_slots_changed(now, tier, -1);
    if (nodes_.tier(node) != core::Tier::kDevice) {
      Waiting next;
      if (queues_[node].pop(&next)) {
        --live_.queue_length[node];
        collector_.queue_changed(now, tier, -1);
        start_compute(next.request_slot, next.branch);
      }
    }
  }
  if (r.outcome_recorded) {  // dropped while this branch was in flight: just wind down
    if (--r.branches_running == 0) release_request(slot);
    return;
  }
  if (!ok) {
    --r.branches_running;
    drop(slot, "activity_failed", /*failed=*/true);
    return;
  }
  ++r.cursor[b];
  advance(slot, b);
}

void ServingEngine::finish(std::int64_t slot) {
  const Request& r = pool_[slot];
  const double now = s4u::Engine::get_clock();
  if (now > r.deadline_s) {
    drop(slot, "deadline_exceeded", /*failed=*/true);
    return;
  }
  const double latency = now - r.created_s;
  const WorkloadState& ws = *workloads_[r.workload];
  collector_.served({r.serving_tier, r.priority, ws.model->name, kPlacementNames[r.placement_kind],
                     latency, ws.workload->slo_latency_s, r.accuracy});
  record(r, metrics::Outcome::kServed, kPlacementNames[r.placement_kind], latency);
  release_request(slot);
}

void ServingEngine::drop(std::int64_t slot, std::string_view reason, bool failed) {
  Request& r = pool_[slot];
  if (failed)
    collector_.failed(reason);
  else
    collector_.dropped(reason);
  record(r, failed ? metrics::Outcome::kFailed : metrics::Outcome::kDropped, reason,
         std::numeric_limits<double>::quiet_NaN());
  r.outcome_recorded = true;
  if (r.branches_running == 0) release_request(slot);
}

void ServingEngine::record(const Request& r, metrics::Outcome outcome, std::string_view reason,
                           double latency_s) {
  ++outcomes_recorded_;
  if (r.id % sample_every_ != 0) return;
  const bool placed = r.serving_node >= 0;
  records_.push_back({r.id, r.workload, nodes_.index(r.device), r.created_s, latency_s,
                      static_cast<std::uint8_t>(outcome), reason,
                      static_cast<std::int8_t>(placed ? r.serving_tier : -1),
                      placed ? nodes_.index(r.serving_node) : -1, r.priority, r.accuracy});
}

void ServingEngine::release_request(std::int64_t slot) {
  free_slots_.push_back(slot);
}

void ServingEngine::check_conservation() const {
  if (outcomes_recorded_ != next_request_id_ ||
      static_cast<std::int64_t>(collector_.outcomes().total()) != next_request_id_) {
    throw std::logic_error("request conservation violated: " + std::to_string(next_request_id_) +
                           " created, " + std::to_string(outcomes_recorded_) +
                           " outcomes recorded");
  }
  if (free_slots_.size() != pool_.size())
    throw std::logic_error("requests still in flight after the run");
}

double ServingEngine::node_utilisation(NodeId n, double t1_s) const {
  const double integral = busy_integral_[n] + node_state_[n].busy * (t1_s - busy_since_[n]);
  return t1_s > 0 ? integral / (t1_s * node_state_[n].slots) : 0.0;
}

}  // namespace edgefleet::sim::serving
