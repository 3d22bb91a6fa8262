// weighted_node_score: among eligible nodes, the best weighted sum of latency, load, proximity and
// reliability scores, each normalised to [0, 1] (higher is better).
#include <algorithm>
#include <array>

#include "core/input_error.hpp"
#include "scheduler/latency_estimate.hpp"
#include "scheduler/policy_registry.hpp"
#include "scheduler/weighted_score.hpp"

namespace edgefleet::scheduler {

NodeScore score_node(const NodeView& n, const RequestView& r, int max_hops) {
  NodeScore s;
  s.estimated_s = estimate_latency_s(n, r);
  s.latency = std::clamp(1 - s.estimated_s / r.max_latency_s, 0.0, 1.0);
  // 1 when idle, 1/2 when every slot is busy, falling as the queue grows.
  s.load = 1 / (1 + load_ratio(n));
  s.proximity = max_hops > 0 ? 1 - static_cast<double>(n.hops) / max_hops : 1;
  s.reliability = n.reliability;
  return s;
}

double weighted_sum(const NodeScore& s, const ScoreWeights& w) {
  return w.latency * s.latency + w.load * s.load + w.proximity * s.proximity +
         w.reliability * s.reliability;
}

namespace {

class WeightedNodeScore final : public Policy {
 public:
  WeightedNodeScore(ScoreWeights critical, ScoreWeights other)
      : critical_(critical), other_(other) {}

  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    const ScoreWeights& w = r.priority == 3 ? critical_ : other_;
    int max_hops = 0;
    for (const auto& n : v.nodes) max_hops = std::max(max_hops, n.hops);
    int best = -1;
    double best_score = -1;
    for (int i = 0; i < v.size(); ++i) {
      const NodeView& n = v.nodes[i];
      if (!can_serve(n, r)) continue;
      const NodeScore s = score_node(n, r, max_hops);
      if (s.estimated_s >= r.max_latency_s) continue;  // not eligible
      const double total = weighted_sum(s, w);
      if (total > best_score) {
        best_score = total;
        best = i;
      }
    }
    if (best >= 0) return single_on(v, best, "best_score");
    if (const int cloud = best_cloud(v, r); cloud >= 0)
      return single_on(v, cloud, "no_eligible_node_cloud");
    return reject("no_eligible_node");
  }

 private:
  ScoreWeights critical_, other_;
};

ScoreWeights read_weights(scenario::ObjectReader& p, std::string_view key, ScoreWeights fallback) {
  const scenario::Json* j = p.get(key);
  if (!j) return fallback;
  const std::string path = p.path_of(key);
  if (!j->is_array() || j->size() != 4 || !std::all_of(j->begin(), j->end(), [](const auto& x) {
        return x.is_number() && x.template get<double>() >= 0;
      })) {
    throw core::InputError(path,
                           "expected 4 non-negative numbers [latency, load, proximity, "
                           "reliability]");
  }
  return {(*j)[0].get<double>(), (*j)[1].get<double>(), (*j)[2].get<double>(),
          (*j)[3].get<double>()};
}

}  // namespace

void register_score_policies(PolicyRegistry& reg) {
  reg["weighted_node_score"] = [](scenario::ObjectReader& p) -> std::unique_ptr<Policy> {
    const ScoreWeights critical = read_weights(p, "critical_weights", {0.5, 0.2, 0.2, 0.1});
    const ScoreWeights other = read_weights(p, "weights", {0.3, 0.3, 0.2, 0.2});
    return std::make_unique<WeightedNodeScore>(critical, other);
  };
}

}  // namespace edgefleet::scheduler
