#include "sim/serving/deployment_table.hpp"

#include <algorithm>

#include "scheduler/deployment.hpp"

namespace edgefleet::sim::serving {

DeploymentTable::DeploymentTable(const scenario::Scenario& s, const NodeTable& nodes)
    : nodes_(nodes) {
  for (const auto& w : s.workloads) {
    const scenario::ModelSpec* m = s.find_model(w.model);
    if (std::find(models_.begin(), models_.end(), m) == models_.end()) models_.push_back(m);
  }
  const auto n = static_cast<std::size_t>(nodes.size());
  std::vector<double> free_bytes(n);
  for (NodeId id = 0; id < nodes.size(); ++id) free_bytes[id] = nodes.memory_bytes(id);
  for (const scenario::ModelSpec* m : models_) {
    auto& row = variant_.emplace_back(n, std::int8_t{-1});
    for (NodeId id = 0; id < nodes.size(); ++id) {
      const auto v =
          scheduler::choose_variant(*m, nodes.tier(id), nodes.speed_flops(id), free_bytes[id]);
      if (!v) continue;
      row[id] = static_cast<std::int8_t>(*v);
      free_bytes[id] -= m->variants[*v].bytes;
    }
  }
}

std::size_t DeploymentTable::model_index(const scenario::ModelSpec* m) const {
  return static_cast<std::size_t>(std::find(models_.begin(), models_.end(), m) - models_.begin());
}

std::int64_t DeploymentTable::deployed_count(std::size_t m, core::Tier t) const {
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < nodes_.count(t); ++i) count += variant_[m][nodes_.id(t, i)] >= 0;
  return count;
}

}  // namespace edgefleet::sim::serving
