#pragma once
// What a placement policy may see: a small *view* of the fleet around one requesting device,
// built by the simulator from telemetry that may be stale (DESIGN principle 1). Policies never
// touch the simulator; they return a Decision over indices into this view.
#include <span>
#include <string_view>

#include "core/tier.hpp"
#include "scenario/catalog.hpp"

namespace edgefleet::scheduler {

// One node a request could run on, as seen from the requesting device.
struct NodeView {
  core::Tier tier = core::Tier::kCloud;
  double instance_speed_flops = 0;  // one model instance (CPU limit honoured)
  int slots = 1;                    // instances that run in parallel
  int busy_slots = 0;               // as last reported (telemetry staleness applies)
  int queue_length = 0;             // as last reported
  double variant_flops = 0;         // deployed variant's work per inference; 0 = not deployed
  double variant_accuracy = 0;
  bool available = true;
  double path_latency_s = 0;      // one-way, from the scenario's link figures; 0 for the device
  double path_bandwidth_bps = 0;  // bottleneck of the path; ignored when hops == 0
  int hops = 0;                   // links between the device and this node
  double reliability = 1;         // probability the node answers (1 without failure data)

  bool deployed() const { return variant_flops > 0; }
};

struct RequestView {
  int priority = 0;  // 0 low, 1 medium, 2 high, 3 critical
  bool privacy_required = false;
  double complexity = 0.5;  // 0..1, the workload's stated difficulty
  double max_latency_s = 0.1;
  double min_accuracy = 0;
  double input_bytes = 0;
  double output_bytes = 0;
  std::span<const scenario::ModelLayer> layers;  // empty when the model has no layer table
};

// Nodes in a fixed order: the device itself, its edge, sibling edges, its fog, cloud hosts.
// A role index is -1 when the fleet has no such node.
struct FleetView {
  std::span<const NodeView> nodes;
  int self = -1;       // the requesting device
  int home_edge = -1;  // the edge the device is attached to
  int home_fog = -1;
  int first_cloud = -1;  // cloud hosts are [first_cloud, nodes.size())

  int size() const { return static_cast<int>(nodes.size()); }
};

enum class PlanKind { kSingle, kSplit, kCascade, kEnsemble, kReject };

// An intent, not a reservation: the simulator applies it and may still fall back.
struct Decision {
  PlanKind kind = PlanKind::kReject;
  int primary = -1;    // index into FleetView::nodes
  int secondary = -1;  // split second part / cascade escalation / ensemble second branch
  double primary_flops = 0;
  double secondary_flops = 0;
  double split_bytes = 0;   // activation sent from primary to secondary (split)
  bool escalate = false;    // cascade: confidence below threshold
  double accuracy = 0;      // expected correctness of the delivered answer
  std::string_view reason;  // why (a static string): reject reason or decision rationale
};

}  // namespace edgefleet::scheduler
