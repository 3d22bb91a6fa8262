#include "sim/serving/policy_adapter.hpp"

#include <algorithm>
#include <array>

#include "scheduler/policy.hpp"
#include "sim/serving/deployment_table.hpp"
#include "sim/serving/instance_shape.hpp"
#include "sim/serving/view_routes.hpp"

namespace edgefleet::sim::serving {

namespace {

// Applies a src/scheduler policy: builds the FleetView around the requesting device from
// telemetry and static path figures, and maps the decision back to node ids.
class SchedulerAdapter final : public PolicyAdapter {
 public:
  SchedulerAdapter(const scenario::Scenario& s, const Fleet& fleet,
                   const DeploymentTable& deployment)
      : s_(s),
        nodes_(fleet),
        routes_(fleet, nodes_),
        deployment_(deployment),
        policy_(scheduler::make_policy(s.scheduler.policy, s.scheduler.params, "/scheduler/policy",
                                       "/scheduler/params")) {
    shapes_.reserve(static_cast<std::size_t>(nodes_.size()));
    for (NodeId n = 0; n < nodes_.size(); ++n) {
      shapes_.push_back(
          instance_shape(nodes_.speed_flops(n), nodes_.cores(n), s.serving.cpu_limit_cores));
    }
  }

  Placement place(const PlacementQuery& q, const Telemetry& seen, const Telemetry& live,
                  core::Rng& rng) override {
    const std::size_t model = deployment_.model_index(q.model);
    build_view(q, model, seen, live);
    const scheduler::RequestView r = request_view(q);
    const scheduler::Decision d = policy_->decide(r, view_, rng);
    return to_placement(d);
  }

  Placement fallback(const PlacementQuery& q, NodeId rejecting, const Telemetry& seen) override {
    if (!s_.scheduler.fallback) return {};
    const std::size_t model = deployment_.model_index(q.model);
    build_view(q, model, seen, seen);
    const scheduler::RequestView r = request_view(q);
    const core::Tier t = nodes_.tier(rejecting);
    int next = -1;
    if (t == core::Tier::kDevice && view_.home_edge >= 0 &&
        scheduler::can_serve(view_nodes_[view_.home_edge], r)) {
      next = view_.home_edge;
    } else if (t != core::Tier::kCloud) {
      next = scheduler::best_cloud(view_, r);
    }
    if (next < 0) return {};
    return to_placement(scheduler::single_on(view_, next, "fallback"));
  }

 private:
  scheduler::RequestView request_view(const PlacementQuery& q) const {
    scheduler::RequestView r;
    r.priority = q.priority;
    r.privacy_required = q.privacy_required;
    r.complexity = q.workload->complexity;
    r.max_latency_s = q.workload->slo_latency_s;
    r.min_accuracy = q.workload->min_accuracy;
    r.input_bytes = q.workload->input_bytes;
    r.output_bytes = q.workload->output_bytes;
    r.layers = q.model->layers;
    return r;
  }

  void add(const ViewNode& node, std::size_t model, const Telemetry& t) {
    const NodeId n = node.id;
    scheduler::NodeView v;
    v.tier = nodes_.tier(n);
    v.instance_speed_flops = shapes_[n].speed_flops;
    v.slots = t.slots[n];
    v.busy_slots = t.busy_slots[n];
    v.queue_length = t.queue_length[n];
    if (const scenario::ModelVariant* var = deployment_.variant(model, n)) {
      v.variant_flops = var->flops;
      v.variant_accuracy = var->accuracy;
    }
    v.path_latency_s = node.route.latency_s;
    v.path_bandwidth_bps = node.route.bottleneck_bps;
    v.hops = node.route.crossed[0] + node.route.crossed[1] + node.route.crossed[2];
    view_nodes_[count_] = v;
    ids_[count_++] = n;
  }

  void build_view(const PlacementQuery& q, std::size_t model, const Telemetry& seen,
                  const Telemetry& live) {
    routes_.view_of(q.device, around_);
    count_ = 0;
    view_ = {};
    // The device knows its own state live; other nodes as of the last telemetry refresh.
    view_.self = 0;
    add(around_.nodes[0], model, live);
    for (int i = 1; i < around_.count; ++i) add(around_.nodes[i], model, seen);
    view_.home_edge = around_.home_edge;
    view_.home_fog = around_.home_fog;
    view_.first_cloud = around_.first_cloud;
    view_.nodes = std::span<const scheduler::NodeView>(view_nodes_.data(), count_);
  }

  Placement to_placement(const scheduler::Decision& d) const {
    Placement p;
    p.kind = static_cast<PlacementKind>(d.kind);
    p.reject_reason = d.reason;
    if (d.kind == scheduler::PlanKind::kReject) return p;
    p.primary = ids_[d.primary];
    p.secondary = d.secondary >= 0 ? ids_[d.secondary] : -1;
    p.primary_flops = d.primary_flops;
    p.secondary_flops = d.secondary_flops;
    p.split_bytes = d.split_bytes;
    p.escalate = d.escalate;
    p.accuracy = d.accuracy;
    return p;
  }

  const scenario::Scenario& s_;
  NodeTable nodes_;
  ViewRoutes routes_;
  const DeploymentTable& deployment_;
  std::unique_ptr<scheduler::Policy> policy_;
  std::vector<InstanceShape> shapes_;
  std::array<scheduler::NodeView, ViewRoutes::kMaxNodes> view_nodes_;
  std::array<NodeId, ViewRoutes::kMaxNodes> ids_{};
  ViewRoutes::View around_;
  int count_ = 0;
  scheduler::FleetView view_;
};

static_assert(
    static_cast<int>(scheduler::PlanKind::kSingle) == static_cast<int>(PlacementKind::kSingle) &&
    static_cast<int>(scheduler::PlanKind::kSplit) == static_cast<int>(PlacementKind::kSplit) &&
    static_cast<int>(scheduler::PlanKind::kCascade) == static_cast<int>(PlacementKind::kCascade) &&
    static_cast<int>(scheduler::PlanKind::kEnsemble) ==
        static_cast<int>(PlacementKind::kEnsemble) &&
    static_cast<int>(scheduler::PlanKind::kReject) == static_cast<int>(PlacementKind::kReject));

}  // namespace

std::unique_ptr<PolicyAdapter> make_policy_adapter(const scenario::Scenario& s, const Fleet& fleet,
                                                   const DeploymentTable& deployment) {
  return std::make_unique<SchedulerAdapter>(s, fleet, deployment);
}

}  // namespace edgefleet::sim::serving
