#pragma once
// Which variant of each workload's model every node holds, by the default deployment rule
// (scheduler::choose_variant), filling each host's memory in workload order.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "sim/serving/node_table.hpp"

namespace edgefleet::sim::serving {

class DeploymentTable {
 public:
  DeploymentTable(const scenario::Scenario& s, const NodeTable& nodes);

  // The variant of model `m` (index into models()) on node n, or nullptr when not deployed.
  const scenario::ModelVariant* variant(std::size_t m, NodeId n) const {
    const std::int8_t v = variant_[m][static_cast<std::size_t>(n)];
    return v < 0 ? nullptr : &models_[m]->variants[static_cast<std::size_t>(v)];
  }
  std::size_t model_index(const scenario::ModelSpec* m) const;
  const std::vector<const scenario::ModelSpec*>& models() const { return models_; }
  // Nodes of tier t holding model m.
  std::int64_t deployed_count(std::size_t m, core::Tier t) const;

 private:
  const NodeTable& nodes_;
  std::vector<const scenario::ModelSpec*> models_;  // distinct models, first-use order
  std::vector<std::vector<std::int8_t>> variant_;   // [model][node] -> variant index, -1 none
};

}  // namespace edgefleet::sim::serving
