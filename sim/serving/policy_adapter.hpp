#pragma once
// The one place where the simulator asks src/scheduler for a decision: builds the fleet view the
// policy may see (stale telemetry of nearby nodes, static path estimates) and converts the
// decision into a Placement in simulator node ids.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/rng.hpp"
#include "scenario/scenario.hpp"
#include "sim/serving/node_table.hpp"
#include "sim/serving/placement.hpp"

namespace edgefleet::sim::serving {

// Live or stale state of the nodes, maintained by the engine.
struct Telemetry {
  std::vector<std::int32_t> queue_length;  // per NodeId
  std::vector<std::int32_t> busy_slots;    // per NodeId
  std::vector<std::int32_t> slots;         // per NodeId
};

struct PlacementQuery {
  NodeId device;
  const scenario::Workload* workload;
  const scenario::ModelSpec* model;
  int priority;
  bool privacy_required;
  double now_s;
};

class PolicyAdapter {
 public:
  virtual ~PolicyAdapter() = default;
  // `seen` is the telemetry as of the last refresh; a device's own entry is read from `live`
  // (a device knows its own state).
  virtual Placement place(const PlacementQuery& q, const Telemetry& seen, const Telemetry& live,
                          core::Rng& rng) = 0;
  // The fallback chain: where to retry after `rejecting` refused the request (device -> edge ->
  // cloud). kReject when the chain is exhausted or disabled.
  virtual Placement fallback(const PlacementQuery& q, NodeId rejecting, const Telemetry& seen) {
    (void)q, (void)rejecting, (void)seen;
    return {};
  }
};

// Resolves the scenario's scheduler policy by name (throws core::InputError for unknown names or
// bad parameters, with the JSON path).
// `deployment` must outlive the adapter.
class DeploymentTable;
std::unique_ptr<PolicyAdapter> make_policy_adapter(const scenario::Scenario& s, const Fleet& fleet,
                                                   const DeploymentTable& deployment);

}  // namespace edgefleet::sim::serving
