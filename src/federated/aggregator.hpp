#pragma once
// Aggregation of client updates (flat parameter deltas), chosen by name from a registry.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace edgefleet::federated {

struct ClientUpdate {
  std::int64_t client_id = 0;
  Eigen::VectorXd delta;  // local parameters - global parameters
  double num_samples = 0;
};

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // Throws std::invalid_argument when the update count violates the rule's bounds.
  virtual Eigen::VectorXd aggregate(const std::vector<ClientUpdate>& updates) const = 0;
};

// fedavg (sample-weighted mean), mean, median (coordinate-wise), trimmed_mean {beta},
// krum {f}, multi_krum {f, m}. Unknown name -> core::InputError at name_path listing the known
// ones; bad or unknown parameter -> core::InputError under params_path.
std::unique_ptr<Aggregator> make_aggregator(const std::string& name, const nlohmann::json& params,
                                            const std::string& name_path,
                                            const std::string& params_path);
std::vector<std::string> aggregator_names();

}  // namespace edgefleet::federated
