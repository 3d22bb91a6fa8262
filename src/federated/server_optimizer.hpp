#pragma once
// The server's step from the aggregated client delta, chosen by name from a registry: plain
// server SGD (FedAvg's step) or the adaptive optimisers of Reddi et al. 2021.
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace edgefleet::federated {

class ServerOptimizer {
 public:
  virtual ~ServerOptimizer() = default;
  // global += step computed from the aggregated client delta (mean of local - global).
  // Adaptive optimisers keep their moments between calls, sized on the first call.
  virtual void apply(Eigen::VectorXd& global, const Eigen::VectorXd& aggregated_delta) = 0;
};

// sgd {server_lr = 1}, fedadagrad / fedadam / fedyogi {server_lr = 0.01, beta1 = 0.9,
// beta2 = 0.99, tau = 1e-3}. Unknown name -> core::InputError at name_path listing the known
// ones; bad or unknown parameter -> core::InputError under params_path.
std::unique_ptr<ServerOptimizer> make_server_optimizer(const std::string& name,
                                                       const nlohmann::json& params,
                                                       const std::string& name_path,
                                                       const std::string& params_path);
std::vector<std::string> server_optimizer_names();

}  // namespace edgefleet::federated
