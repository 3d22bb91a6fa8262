#include "learning/sgd.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "learning/logistic_sgd.hpp"
#include "learning/shuffle.hpp"

namespace edgefleet::learning {

void apply_sgd_step(Eigen::VectorXd& w, Eigen::VectorXd& g, const SgdConfig& config,
                    const Eigen::VectorXd* prox_anchor, Eigen::VectorXd& velocity) {
  if (config.weight_decay > 0) g += config.weight_decay * w;
  if (prox_anchor) g += config.prox_mu * (w - *prox_anchor);
  if (config.momentum > 0) {
    velocity = config.momentum * velocity + g;
    w -= config.learning_rate * velocity;
  } else {
    w -= config.learning_rate * g;
  }
}

namespace {

// Any Model: gathers each batch into a contiguous block and asks the model for its gradient.
class GatherStepper final : public BatchStepper {
 public:
  GatherStepper(Model& model, const Dataset& data, const SgdConfig& config,
                const Eigen::VectorXd* prox_anchor)
      : model_(model),
        data_(data),
        config_(config),
        anchor_(prox_anchor),
        w_(model.parameters()),
        g_(w_.size()),
        velocity_(Eigen::VectorXd::Zero(config.momentum > 0 ? w_.size() : 0)) {
    const auto b = std::min(data.size(), static_cast<std::size_t>(config.batch_size));
    batch_x_.resize(static_cast<Eigen::Index>(b), data.features.cols());
    batch_labels_.resize(b);
  }

  void step(std::span<const std::size_t> batch, std::span<const std::size_t>) override {
    const std::size_t b = batch.size();
    // Gather the batch's rows into one contiguous double block (the model computes in double):
    // the gradient then runs as dense matrix products instead of row-by-row lookups.
    for (std::size_t i = 0; i < b; ++i) {
      batch_x_.row(static_cast<Eigen::Index>(i)) =
          data_.features.row(static_cast<Eigen::Index>(batch[i])).cast<double>();
      batch_labels_[i] = data_.labels[batch[i]];
    }
    model_.batch_gradient(batch_x_.topRows(static_cast<Eigen::Index>(b)),
                          std::span<const int>(batch_labels_.data(), b), g_, workspace_);
    apply_sgd_step(w_, g_, config_, anchor_, velocity_);
    model_.set_parameters(w_);
  }
  void finish() override {}

 private:
  Model& model_;
  const Dataset& data_;
  const SgdConfig& config_;
  const Eigen::VectorXd* anchor_;
  Eigen::MatrixXd batch_x_;
  std::vector<int> batch_labels_;
  GradientWorkspace workspace_;
  Eigen::VectorXd w_, g_, velocity_;
};

}  // namespace

LocalTrainResult train_local(Model& model, const Dataset& data, const SgdConfig& config,
                             core::Rng& rng, const Eigen::VectorXd* prox_anchor, int epochs) {
  if (config.batch_size <= 0) throw std::invalid_argument("SGD batch size must be positive");
  LocalTrainResult out;
  out.epochs_run = epochs < 0 ? config.local_epochs : epochs;
  const std::size_t n = data.size();
  if (n == 0) return out;
  const auto batch_size = static_cast<std::size_t>(config.batch_size);
  const Eigen::VectorXd* anchor =
      prox_anchor != nullptr && config.prox_mu > 0 ? prox_anchor : nullptr;

  // Every buffer is sized once by the stepper; the batch loop below does not allocate.
  std::unique_ptr<BatchStepper> stepper = make_logistic_stepper(model, data, config, anchor);
  if (!stepper) stepper = std::make_unique<GatherStepper>(model, data, config, anchor);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (int e = 0; e < out.epochs_run; ++e) {
    fisher_yates(std::span<std::size_t>(order), rng);
    for (std::size_t start = 0; start < n; start += batch_size) {
      const std::size_t b = std::min(n, start + batch_size) - start;
      const std::size_t next = std::min(n, start + b + batch_size) - (start + b);
      stepper->step(std::span<const std::size_t>(order.data() + start, b),
                    std::span<const std::size_t>(order.data() + start + b, next));
      out.samples_processed += b;
    }
  }
  stepper->finish();
  if (config.report_final_loss) out.final_train_loss = model.loss(data);
  return out;
}

}  // namespace edgefleet::learning
