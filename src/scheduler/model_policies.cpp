// Policies that use the model's structure: split_inference (argmin over the layer table),
// cascade (speculative local answer, escalate on low confidence) and ensemble (local and cloud in
// parallel, the more confident answer wins).
#include <algorithm>

#include "scheduler/confidence.hpp"
#include "scheduler/latency_estimate.hpp"
#include "scheduler/policy_registry.hpp"
#include "scheduler/split_point.hpp"

namespace edgefleet::scheduler {

namespace {

// The link between the local node and the cloud, from the device's path figures: the cloud's path
// minus the local node's share of it; the bottleneck of the longer path is a safe bandwidth.
SplitCosts split_costs(const NodeView& local, const NodeView& cloud, const RequestView& r) {
  return {local.instance_speed_flops,
          cloud.instance_speed_flops,
          std::max(0.0, cloud.path_latency_s - local.path_latency_s),
          cloud.path_bandwidth_bps,
          r.input_bytes,
          r.output_bytes};
}

class SplitInference final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    const int local = local_node(v, r);
    const int cloud = best_cloud(v, r);
    if (local < 0 && cloud < 0) return reject("no_eligible_node");
    if (local < 0) return single_on(v, cloud, "no_local_variant");
    if (cloud < 0 || r.layers.empty()) return single_on(v, local, "no_split_possible");
    const SplitChoice c = choose_split(r.layers, split_costs(v.nodes[local], v.nodes[cloud], r));
    if (c.split_layer == 0) return single_on(v, cloud, "split_at_input");
    if (c.split_layer == r.layers.size()) return single_on(v, local, "split_at_output");
    Decision d;
    d.kind = PlanKind::kSplit;
    d.primary = local;
    d.secondary = cloud;
    d.primary_flops = c.local_flops;
    d.secondary_flops = c.remote_flops;
    d.split_bytes = c.transfer_bytes;
    d.accuracy = std::min(v.nodes[local].variant_accuracy, v.nodes[cloud].variant_accuracy);
    d.reason = "split_at_layer";
    return d;
  }
};

class Cascade final : public Policy {
 public:
  explicit Cascade(double threshold) : threshold_(threshold) {}

  Decision decide(const RequestView& r, const FleetView& v, core::Rng& rng) override {
    const int local = local_node(v, r);
    const int cloud = best_cloud(v, r);
    if (local < 0) {
      return cloud < 0 ? reject("no_eligible_node") : single_on(v, cloud, "no_local_variant");
    }
    const double confidence = draw_confidence(v.nodes[local].variant_accuracy, rng);
    Decision d;
    d.kind = PlanKind::kCascade;
    d.primary = local;
    d.primary_flops = v.nodes[local].variant_flops;
    d.accuracy = confidence;  // calibrated: P(correct | confidence) = confidence
    d.reason = "confident_local";
    if (confidence < threshold_ && cloud >= 0) {
      d.escalate = true;
      d.secondary = cloud;
      d.secondary_flops = v.nodes[cloud].variant_flops;
      d.accuracy = v.nodes[cloud].variant_accuracy;
      d.reason = "escalated";
    }
    return d;
  }

 private:
  double threshold_;
};

class Ensemble final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng& rng) override {
    const int local = local_node(v, r);
    const int cloud = best_cloud(v, r);
    if (local < 0 || cloud < 0) {
      if (local >= 0) return single_on(v, local, "no_cloud_branch");
      return cloud < 0 ? reject("no_eligible_node") : single_on(v, cloud, "no_local_branch");
    }
    Decision d;
    d.kind = PlanKind::kEnsemble;
    d.primary = local;
    d.secondary = cloud;
    d.primary_flops = v.nodes[local].variant_flops;
    d.secondary_flops = v.nodes[cloud].variant_flops;
    // Two independent calibrated answers; the combiner keeps the more confident one.
    const double c_local = draw_confidence(v.nodes[local].variant_accuracy, rng);
    const double c_cloud = draw_confidence(v.nodes[cloud].variant_accuracy, rng);
    d.accuracy = std::max(c_local, c_cloud);
    d.reason = "ensemble";
    return d;
  }
};

}  // namespace

void register_model_policies(PolicyRegistry& reg) {
  reg["split_inference"] = [](scenario::ObjectReader&) -> std::unique_ptr<Policy> {
    return std::make_unique<SplitInference>();
  };
  reg["cascade"] = [](scenario::ObjectReader& p) -> std::unique_ptr<Policy> {
    return std::make_unique<Cascade>(p.number("confidence_threshold", 0.9, 0.0, 1.0));
  };
  reg["ensemble"] = [](scenario::ObjectReader&) -> std::unique_ptr<Policy> {
    return std::make_unique<Ensemble>();
  };
}

}  // namespace edgefleet::scheduler
