#include "learning/sgd.hpp"

#include <algorithm>
#include <numeric>

namespace edgefleet::learning {

LocalTrainResult train_local(SoftmaxModel& model, const Dataset& data, const SgdConfig& config,
                             core::Rng& rng, const Eigen::VectorXd* prox_anchor, int epochs) {
  LocalTrainResult out;
  out.epochs_run = epochs < 0 ? config.local_epochs : epochs;
  const std::size_t n = data.size();
  if (n == 0) return out;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::size_t> batch;
  Eigen::VectorXd w = model.parameters();
  for (int e = 0; e < out.epochs_run; ++e) {
    for (std::size_t i = n - 1; i > 0; --i) {
      const auto j = static_cast<std::size_t>(core::uniform01(rng) * static_cast<double>(i + 1));
      std::swap(order[i], order[j]);
    }
    for (std::size_t start = 0; start < n; start += static_cast<std::size_t>(config.batch_size)) {
      const std::size_t end = std::min(n, start + static_cast<std::size_t>(config.batch_size));
      batch.assign(order.begin() + static_cast<std::ptrdiff_t>(start),
                   order.begin() + static_cast<std::ptrdiff_t>(end));
      Eigen::VectorXd g = model.gradient(data, batch);
      if (config.weight_decay > 0) g += config.weight_decay * w;
      if (prox_anchor && config.prox_mu > 0) g += config.prox_mu * (w - *prox_anchor);
      w -= config.learning_rate * g;
      model.set_parameters(w);
      out.samples_processed += end - start;
    }
  }
  out.final_train_loss = model.loss(data);
  return out;
}

}  // namespace edgefleet::learning
