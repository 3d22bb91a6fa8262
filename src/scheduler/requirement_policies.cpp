// Policies that pick a tier from the request's requirements: latency_aware and
// tier_by_requirements (the sizing calculator's rules, written as pure functions).
#include <algorithm>

#include "scheduler/latency_estimate.hpp"
#include "scheduler/policy_registry.hpp"

namespace edgefleet::scheduler {

namespace {

// Activation size when `share` of the work has run: the output of the first layer whose
// cumulative FLOPs reach that share; the input itself when no layer table is known.
double activation_bytes_at(std::span<const scenario::ModelLayer> layers, double share,
                           double input_bytes) {
  double total = 0;
  for (const auto& l : layers) total += l.flops;
  double done = 0;
  for (const auto& l : layers) {
    done += l.flops;
    if (done >= share * total) return l.output_bytes;
  }
  return input_bytes;
}

// Edge if fast enough and under the edge threshold, else cloud if it meets the requirement, else
// a hybrid split of the work between the edge and the cloud.
class LatencyAware final : public Policy {
 public:
  LatencyAware(double edge_threshold_s, double hybrid_edge_share)
      : edge_threshold_s_(edge_threshold_s), edge_share_(hybrid_edge_share) {}

  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    const int edge = v.home_edge >= 0 && can_serve(v.nodes[v.home_edge], r) ? v.home_edge : -1;
    const int cloud = best_cloud(v, r);
    const double edge_s = edge >= 0 ? estimate_latency_s(v.nodes[edge], r) : 1e300;
    const double cloud_s = cloud >= 0 ? estimate_latency_s(v.nodes[cloud], r) : 1e300;
    if (edge >= 0 && edge_s < std::min(r.max_latency_s, edge_threshold_s_))
      return single_on(v, edge, "edge_meets_requirement");
    if (cloud >= 0 && cloud_s < r.max_latency_s)
      return single_on(v, cloud, "cloud_meets_requirement");
    if (edge >= 0 && cloud >= 0) {
      Decision d;
      d.kind = PlanKind::kSplit;
      d.primary = edge;
      d.secondary = cloud;
      const double work = v.nodes[cloud].variant_flops;
      d.primary_flops = edge_share_ * work;
      d.secondary_flops = work - d.primary_flops;
      d.split_bytes = activation_bytes_at(r.layers, edge_share_, r.input_bytes);
      d.accuracy = std::min(v.nodes[edge].variant_accuracy, v.nodes[cloud].variant_accuracy);
      d.reason = "hybrid_split";
      return d;
    }
    if (edge >= 0) return single_on(v, edge, "edge_only_option");
    if (cloud >= 0) return single_on(v, cloud, "cloud_only_option");
    return reject("no_eligible_node");
  }

 private:
  double edge_threshold_s_;
  double edge_share_;
};

// privacy -> device; simple and urgent -> device; moderate or fairly urgent -> edge; else cloud.
// When the chosen tier cannot serve (model not deployed), move up: device -> edge -> fog -> cloud.
class TierByRequirements final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    const core::Tier target = requirement_tier(r);
    const int order[] = {v.self, v.home_edge, v.home_fog};
    const core::Tier tiers[] = {core::Tier::kDevice, core::Tier::kEdge, core::Tier::kFog};
    for (int k = 0; k < 3; ++k) {
      if (static_cast<int>(tiers[k]) < static_cast<int>(target)) continue;
      if (order[k] >= 0 && can_serve(v.nodes[order[k]], r))
        return single_on(v, order[k], core::tier_name(tiers[k]));
      if (r.privacy_required) return reject("privacy_requires_device");
    }
    if (r.privacy_required) return reject("privacy_requires_device");
    if (const int cloud = best_cloud(v, r); cloud >= 0) return single_on(v, cloud, "cloud");
    return reject("no_eligible_node");
  }

  static core::Tier requirement_tier(const RequestView& r) {
    if (r.privacy_required) return core::Tier::kDevice;
    if (r.complexity < 0.3 && r.max_latency_s < 0.050) return core::Tier::kDevice;
    if (r.complexity < 0.7 || r.max_latency_s < 0.200) return core::Tier::kEdge;
    return core::Tier::kCloud;
  }
};

}  // namespace

void register_requirement_policies(PolicyRegistry& reg) {
  reg["latency_aware"] = [](scenario::ObjectReader& p) -> std::unique_ptr<Policy> {
    const double threshold =
        p.quantity("edge_threshold", core::Dimension::kSeconds, 0.050, scenario::Bound::kPositive);
    const double share = p.number("hybrid_edge_share", 0.7, 0.0, 1.0);
    return std::make_unique<LatencyAware>(threshold, share);
  };
  reg["tier_by_requirements"] = [](scenario::ObjectReader&) -> std::unique_ptr<Policy> {
    return std::make_unique<TierByRequirements>();
  };
}

}  // namespace edgefleet::scheduler
