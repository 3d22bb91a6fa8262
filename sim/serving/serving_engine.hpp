#pragma once
// The serving path on the simulated fleet. No actor per device or request (DESIGN principle 5):
// arrivals are SimGrid kernel timers, each request is a record in a pool, and its stages are
// SimGrid activities started by maestro and chained from Activity::on_completion. Requests that
// wait for a slot wait in edgefleet's own per-node queues; only bytes on the wire and work on a
// CPU exist as SimGrid activities.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "metrics/serving_collector.hpp"
#include "scenario/scenario.hpp"
#include "sim/fleet.hpp"
#include "sim/serving/node_table.hpp"
#include "sim/serving/policy_adapter.hpp"
#include "sim/serving/request.hpp"
#include "sim/serving/wait_queue.hpp"
#include "workload/arrival_source.hpp"

namespace edgefleet::sim::serving {

// One row of requests.csv.
struct RequestRecord {
  std::int64_t id;
  std::int32_t workload;
  std::int64_t device;  // device index (tier-local)
  double created_s;
  double latency_s;         // NaN unless served
  std::uint8_t outcome;     // metrics::Outcome
  std::string_view reason;  // static string: placement kind when served, else why not
  std::int8_t tier;         // -1 when never placed
  std::int64_t node;        // tier-local index, -1 when never placed
  std::uint8_t priority;
  float accuracy;
};

class ServingEngine {
 public:
  // `sample_every`: keep one RequestRecord per `sample_every` requests (by id) for requests.csv.
  // `policy` decides placements (make_policy_adapter for the scenario's policy; tests inject).
  ServingEngine(const scenario::Scenario& s, const Fleet& fleet,
                std::unique_ptr<PolicyAdapter> policy, std::int64_t sample_every);
  ~ServingEngine();

  // Installs timers and callbacks. Call once, before Engine::run.
  void start();
  // After the run: every request created ended in exactly one outcome (asserted).
  void check_conservation() const;

  const metrics::ServingCollector& collector() const { return collector_; }
  const std::vector<RequestRecord>& sampled_requests() const { return records_; }
  std::int64_t requests_created() const { return next_request_id_; }
  // Time-weighted busy fraction of a node's slots over [0, t1].
  double node_utilisation(NodeId n, double t1_s) const;
  const NodeTable& nodes() const { return nodes_; }

 private:
  struct WorkloadState;
  struct NodeState {
    std::int32_t slots = 1;
    std::int32_t busy = 0;
    std::int32_t threads = 1;
    double bound_flops = -1;  // per-exec speed cap from the CPU limit, -1 = none
  };

  void schedule_next_arrival(int workload);
  void on_arrival(int workload, std::int64_t device_in_workload, double now);
  void advance(std::int64_t slot, int branch);
  void start_compute(std::int64_t slot, int branch);
  // Re-routes a request `rejecting` refused along the fallback chain; false when none is left.
  bool try_fallback(std::int64_t slot, NodeId rejecting);
  void on_activity_done(std::int64_t slot, int branch, bool ok);
  void finish(std::int64_t slot);
  void drop(std::int64_t slot, std::string_view reason, bool failed);
  void release_request(std::int64_t slot);
  std::int64_t allocate_request();
  void refresh_telemetry();
  // What policies see: the last refresh, or the live state when staleness is zero.
  const Telemetry& seen() const { return s_.scheduler.telemetry_staleness_s > 0 ? seen_ : live_; }
  void record(const Request& r, metrics::Outcome outcome, std::string_view reason,
              double latency_s);

  const scenario::Scenario& s_;
  NodeTable nodes_;
  std::unique_ptr<PolicyAdapter> policy_;
  std::vector<NodeState> node_state_;
  std::vector<WaitQueue> queues_;      // per NodeId, allocated for non-device nodes
  std::vector<double> busy_integral_;  // per non-device NodeId: slot-seconds busy
  std::vector<double> busy_since_;     // time of the node's last busy change
  Telemetry live_, seen_;
  std::vector<std::unique_ptr<WorkloadState>> workloads_;
  std::deque<Request> pool_;
  std::vector<std::int64_t> free_slots_;
  std::vector<simgrid::s4u::ActivityPtr> finished_activities_;  // released on the next callback
  metrics::ServingCollector collector_;
  std::vector<RequestRecord> records_;
  std::int64_t sample_every_;
  std::int64_t next_request_id_ = 0;
  std::int64_t outcomes_recorded_ = 0;
};

}  // namespace edgefleet::sim::serving
