#include "learning/sgd.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "learning/shuffle.hpp"

namespace edgefleet::learning {

LocalTrainResult train_local(Model& model, const Dataset& data, const SgdConfig& config,
                             core::Rng& rng, const Eigen::VectorXd* prox_anchor, int epochs) {
  if (config.batch_size <= 0) throw std::invalid_argument("SGD batch size must be positive");
  LocalTrainResult out;
  out.epochs_run = epochs < 0 ? config.local_epochs : epochs;
  const std::size_t n = data.size();
  if (n == 0) return out;
  const auto batch_size = static_cast<std::size_t>(config.batch_size);
  const Eigen::Index dim = data.features.cols();
  const bool use_prox = prox_anchor != nullptr && config.prox_mu > 0;

  // Every buffer is sized once here; the batch loop below does not allocate.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Eigen::MatrixXd batch_x(static_cast<Eigen::Index>(std::min(n, batch_size)), dim);
  std::vector<int> batch_labels(std::min(n, batch_size));
  GradientWorkspace workspace;
  Eigen::VectorXd w = model.parameters();
  Eigen::VectorXd g(w.size());
  Eigen::VectorXd velocity = Eigen::VectorXd::Zero(config.momentum > 0 ? w.size() : 0);

  for (int e = 0; e < out.epochs_run; ++e) {
    fisher_yates(std::span<std::size_t>(order), rng);
    for (std::size_t start = 0; start < n; start += batch_size) {
      const std::size_t b = std::min(n, start + batch_size) - start;
      // Gather the batch's rows into one contiguous block: the gradient then runs as dense
      // matrix products instead of row-by-row lookups.
      for (std::size_t i = 0; i < b; ++i) {
        const std::size_t row = order[start + i];
        batch_x.row(static_cast<Eigen::Index>(i)) =
            data.features.row(static_cast<Eigen::Index>(row));
        batch_labels[i] = data.labels[row];
      }
      model.batch_gradient(batch_x.topRows(static_cast<Eigen::Index>(b)),
                           std::span<const int>(batch_labels.data(), b), g, workspace);
      if (config.weight_decay > 0) g += config.weight_decay * w;
      if (use_prox) g += config.prox_mu * (w - *prox_anchor);
      if (config.momentum > 0) {
        velocity = config.momentum * velocity + g;
        w -= config.learning_rate * velocity;
      } else {
        w -= config.learning_rate * g;
      }
      model.set_parameters(w);
      out.samples_processed += b;
    }
  }
  if (config.report_final_loss) out.final_train_loss = model.loss(data);
  return out;
}

}  // namespace edgefleet::learning
