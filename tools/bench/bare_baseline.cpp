// The denominator of issue 5's orchestration-overhead ratio: a bare SimGrid program that builds
// the same platform and the same arrival stream as `edgefleet run SCENARIO`, and issues for each
// request the same activities as a nearest-edge placement (input device->edge, the model's fp32
// FLOPs on the edge using all its cores, output edge->device), chained in completion callbacks.
// No policy, no queues, no metrics. Usage: edgefleet_bare_baseline SCENARIO [--set ...].
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

#include "bench/bare_input.hpp"
#include "sim/engine_setup.hpp"
#include "sim/platform_builder.hpp"
#include "workload/arrival_source.hpp"

namespace s4u = simgrid::s4u;
using simgrid::kernel::timer::Timer;
using namespace edgefleet;

namespace {

struct BareRequest {
  std::int64_t device;
  int stage;
  double created_s;
  s4u::ActivityPtr activity;
};

struct Bare {
  const scenario::Scenario* s;
  const sim::Fleet* fleet;
  std::vector<std::unique_ptr<workload::ArrivalSource>> sources;
  std::vector<double> flops;
  std::vector<double> input_bytes, output_bytes;
  std::vector<BareRequest> pool;
  std::vector<std::int64_t> free_slots;
  std::vector<s4u::ActivityPtr> finished;
  std::vector<int> workload_of;
  std::int64_t done = 0;
  double latency_sum_s = 0;

  void start_stage(std::int64_t slot) {
    BareRequest& r = pool[slot];
    const int w = workload_of[slot];
    s4u::Host* device = fleet->device.host[r.device];
    s4u::Host* edge = fleet->edge.host[fleet->device_edge[r.device]];
    const int cores = edge->get_core_count();
    if (r.stage == 0) {
      r.activity = s4u::Comm::sendto_init(device, edge)
                       ->set_payload_size(static_cast<std::uint64_t>(input_bytes[w]));
    } else if (r.stage == 1) {
      r.activity = s4u::Exec::init()
                       ->set_host(edge)
                       ->set_flops_amount(flops[w] / cores)
                       ->set_thread_count(cores);
    } else {
      r.activity = s4u::Comm::sendto_init(edge, device)
                       ->set_payload_size(static_cast<std::uint64_t>(output_bytes[w]));
    }
    r.activity->set_data(reinterpret_cast<void*>(slot + 1));
    r.activity->vetoable_start();
  }

  void next_arrival(int w) {
    auto a = sources[w]->next(s->simulation.duration_s);
    if (!a) return;
    Timer::set(a->time_s, [this, w, a] {
      finished.clear();
      std::int64_t slot;
      if (!free_slots.empty()) {
        slot = free_slots.back();
        free_slots.pop_back();
      } else {
        slot = static_cast<std::int64_t>(pool.size());
        pool.emplace_back();
        workload_of.push_back(0);
      }
      pool[slot] = {a->device, 0, a->time_s, nullptr};
      workload_of[slot] = w;
      start_stage(slot);
      next_arrival(w);
    });
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::optional<scenario::Scenario> input = bench::load_bare_input(
      argc, argv, "edgefleet_bare_baseline", [](const scenario::Scenario&) {});
  if (!input) return 2;
  const scenario::Scenario& s = *input;
  const auto wall_start = std::chrono::steady_clock::now();
  auto engine = sim::make_engine(s, {});
  const sim::Fleet fleet = sim::build_platform(s);
  Bare bare;
  bare.s = &s;
  bare.fleet = &fleet;
  for (std::size_t w = 0; w < s.workloads.size(); ++w) {
    // All devices, as a workload without region filter or share sees them.
    bare.sources.push_back(workload::make_arrival_source(
        s.workloads[w].arrival, static_cast<std::int64_t>(fleet.device.size()), s.seed, w));
    bare.flops.push_back(s.find_model(s.workloads[w].model)->variant("fp32")->flops);
    bare.input_bytes.push_back(s.workloads[w].input_bytes);
    bare.output_bytes.push_back(s.workloads[w].output_bytes);
    bare.next_arrival(static_cast<int>(w));
  }
  s4u::Activity::on_completion_cb([&bare](const s4u::Activity& a) {
    void* data = a.get_data<void>();
    if (!data) return;
    const auto slot = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(data) - 1);
    bare.finished.clear();
    BareRequest& r = bare.pool[slot];
    bare.finished.push_back(std::move(r.activity));
    if (++r.stage == 3) {
      ++bare.done;
      bare.latency_sum_s += s4u::Engine::get_clock() - r.created_s;
      bare.free_slots.push_back(slot);
      return;
    }
    bare.start_stage(slot);
  });
  engine->run();
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::printf("bare_baseline requests=%lld mean_latency_s=%.6f simulated_s=%.3f wall_s=%.3f\n",
              static_cast<long long>(bare.done), bare.done ? bare.latency_sum_s / bare.done : 0.0,
              s4u::Engine::get_clock(), wall_s);
  return 0;
}
