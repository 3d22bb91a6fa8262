#include "scheduler/policy.hpp"

#include <limits>

#include "scenario/named_factory.hpp"
#include "scheduler/latency_estimate.hpp"
#include "scheduler/policy_registry.hpp"

namespace edgefleet::scheduler {

namespace {

const PolicyRegistry& registry() {
  static const PolicyRegistry r = [] {
    PolicyRegistry out;
    register_requirement_policies(out);
    register_score_policies(out);
    register_baseline_policies(out);
    register_model_policies(out);
    return out;
  }();
  return r;
}

}  // namespace

std::unique_ptr<Policy> make_policy(const std::string& name, const scenario::Json& params,
                                    const std::string& policy_path,
                                    const std::string& params_path) {
  return scenario::build_named(registry(), "policy", name, params, policy_path, params_path);
}

std::vector<std::string> policy_names() {
  return scenario::registry_names(registry());
}

Decision single_on(const FleetView& v, int node, std::string_view reason) {
  Decision d;
  d.kind = PlanKind::kSingle;
  d.primary = node;
  d.primary_flops = v.nodes[node].variant_flops;
  d.accuracy = v.nodes[node].variant_accuracy;
  d.reason = reason;
  return d;
}

Decision reject(std::string_view reason) {
  Decision d;
  d.reason = reason;
  return d;
}

bool can_serve(const NodeView& n, const RequestView& r) {
  // Privacy is a hard constraint for every policy: the input never leaves the device.
  if (r.privacy_required && n.hops > 0) return false;
  return n.available && n.deployed() && n.variant_accuracy >= r.min_accuracy;
}

double load_ratio(const NodeView& n) {
  return static_cast<double>(n.busy_slots + n.queue_length) / std::max(1, n.slots);
}

int best_estimated(const FleetView& v, const RequestView& r, int begin, int end) {
  int best = -1;
  double best_s = std::numeric_limits<double>::infinity();
  for (int i = std::max(0, begin); i < end; ++i) {
    if (!can_serve(v.nodes[i], r)) continue;
    const double t = estimate_latency_s(v.nodes[i], r);
    if (t < best_s) {
      best_s = t;
      best = i;
    }
  }
  return best;
}

int best_cloud(const FleetView& v, const RequestView& r) {
  if (v.first_cloud < 0) return -1;
  return best_estimated(v, r, v.first_cloud, v.size());
}

int local_node(const FleetView& v, const RequestView& r) {
  if (v.self >= 0 && can_serve(v.nodes[v.self], r)) return v.self;
  if (v.home_edge >= 0 && can_serve(v.nodes[v.home_edge], r)) return v.home_edge;
  return -1;
}

}  // namespace edgefleet::scheduler
