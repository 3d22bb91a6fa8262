#include "federated/server_optimizer.hpp"

#include <functional>
#include <map>
#include <stdexcept>

#include "scenario/named_factory.hpp"

namespace edgefleet::federated {

namespace {

void require_same_size(const Eigen::VectorXd& global, const Eigen::VectorXd& delta) {
  if (global.size() != delta.size())
    throw std::invalid_argument("server optimizer: delta has " + std::to_string(delta.size()) +
                                " parameters, model has " + std::to_string(global.size()));
}

// FedAvg's server step is server SGD with learning rate 1 on the mean delta.
class ServerSgd final : public ServerOptimizer {
 public:
  explicit ServerSgd(double lr) : lr_(lr) {}
  void apply(Eigen::VectorXd& global, const Eigen::VectorXd& delta) override {
    require_same_size(global, delta);
    global += lr_ * delta;
  }

 private:
  double lr_;
};

enum class SecondMoment { kAdagrad, kAdam, kYogi };

// Reddi et al. 2021, "Adaptive Federated Optimization" (ICLR), Algorithm 2: the aggregated
// delta plays the role of a pseudo-gradient (with the sign of a descent step), and
//   m = beta1 m + (1 - beta1) delta
//   v = v + delta^2                                        (FedAdagrad)
//   v = beta2 v + (1 - beta2) delta^2                      (FedAdam)
//   v = v - (1 - beta2) delta^2 sign(v - delta^2)          (FedYogi)
//   x = x + lr m / (sqrt(v) + tau)
// Moments start at zero and, as in the paper, carry no bias correction; tau bounds the step
// where v is still small (the paper's "degree of adaptivity").
class AdaptiveServer final : public ServerOptimizer {
 public:
  AdaptiveServer(SecondMoment kind, double lr, double beta1, double beta2, double tau)
      : kind_(kind), lr_(lr), beta1_(beta1), beta2_(beta2), tau_(tau) {}

  void apply(Eigen::VectorXd& global, const Eigen::VectorXd& delta) override {
    require_same_size(global, delta);
    if (m_.size() == 0) {
      m_ = Eigen::VectorXd::Zero(delta.size());
      v_ = Eigen::VectorXd::Zero(delta.size());
    } else if (m_.size() != delta.size()) {
      throw std::invalid_argument("server optimizer: model size changed between rounds");
    }
    m_ = beta1_ * m_ + (1.0 - beta1_) * delta;
    const Eigen::ArrayXd delta_sq = delta.array().square();
    switch (kind_) {
      case SecondMoment::kAdagrad:
        v_.array() += delta_sq;
        break;
      case SecondMoment::kAdam:
        v_.array() = beta2_ * v_.array() + (1.0 - beta2_) * delta_sq;
        break;
      case SecondMoment::kYogi:
        v_.array() -= (1.0 - beta2_) * delta_sq * (v_.array() - delta_sq).sign();
        break;
    }
    global.array() += lr_ * m_.array() / (v_.array().sqrt() + tau_);
  }

 private:
  SecondMoment kind_;
  double lr_, beta1_, beta2_, tau_;
  Eigen::VectorXd m_, v_;
};

using Factory = std::function<std::unique_ptr<ServerOptimizer>(scenario::ObjectReader&)>;

Factory adaptive(SecondMoment kind) {
  return [kind](scenario::ObjectReader& p) -> std::unique_ptr<ServerOptimizer> {
    const double lr = p.number("server_lr", 0.01, 0.0, 1e6);
    const double beta1 = p.number("beta1", 0.9, 0.0, 1.0);
    const double beta2 = p.number("beta2", 0.99, 0.0, 1.0);
    const double tau = p.number("tau", 1e-3, 1e-12, 1e6);  // > 0: it keeps the division finite
    return std::make_unique<AdaptiveServer>(kind, lr, beta1, beta2, tau);
  };
}

const std::map<std::string, Factory, std::less<>>& registry() {
  static const std::map<std::string, Factory, std::less<>> r = {
      {"sgd",
       [](scenario::ObjectReader& p) -> std::unique_ptr<ServerOptimizer> {
         return std::make_unique<ServerSgd>(p.number("server_lr", 1.0, 0.0, 1e6));
       }},
      {"fedadagrad", adaptive(SecondMoment::kAdagrad)},
      {"fedadam", adaptive(SecondMoment::kAdam)},
      {"fedyogi", adaptive(SecondMoment::kYogi)},
  };
  return r;
}

}  // namespace

std::unique_ptr<ServerOptimizer> make_server_optimizer(const std::string& name,
                                                       const nlohmann::json& params,
                                                       const std::string& name_path,
                                                       const std::string& params_path) {
  return scenario::build_named(registry(), "server optimizer", name, params, name_path,
                               params_path);
}

std::vector<std::string> server_optimizer_names() {
  return scenario::registry_names(registry());
}

}  // namespace edgefleet::federated
