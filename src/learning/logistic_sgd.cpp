#include "learning/logistic_sgd.hpp"

#include <algorithm>
#include <vector>

#include "learning/dense_model.hpp"
#include "learning/logistic_layout.hpp"
#include "learning/row_kernels.hpp"

namespace edgefleet::learning {

void apply_float_sgd_step(std::span<float> w, std::span<float> g, const SgdConfig& config,
                          std::span<const float> anchor, std::span<float> velocity) {
  const auto decay = static_cast<float>(config.weight_decay);
  const auto mu = static_cast<float>(config.prox_mu);
  const auto momentum = static_cast<float>(config.momentum);
  const auto lr = static_cast<float>(config.learning_rate);
  // One pass per term, each a branch-free element-wise loop the compiler vectorises (element-wise
  // operations give the same bits at any vector width).
  const std::size_t n = w.size();
  if (config.weight_decay > 0)
    for (std::size_t j = 0; j < n; ++j) g[j] = g[j] + decay * w[j];
  if (!anchor.empty())
    for (std::size_t j = 0; j < n; ++j) g[j] = g[j] + mu * (w[j] - anchor[j]);
  if (config.momentum > 0) {
    for (std::size_t j = 0; j < n; ++j) velocity[j] = momentum * velocity[j] + g[j];
    for (std::size_t j = 0; j < n; ++j) w[j] = w[j] - lr * velocity[j];
  } else {
    for (std::size_t j = 0; j < n; ++j) w[j] = w[j] - lr * g[j];
  }
}

namespace {

using Eigen::Index;

class LogisticStepper final : public BatchStepper {
 public:
  LogisticStepper(DenseModel& model, const Dataset& data, const SgdConfig& config,
                  const Eigen::VectorXd* prox_anchor)
      : model_(model),
        data_(data),
        config_(config),
        kernels_(kernel::row_kernels()),
        d_(data.dim()),
        classes_(model.num_classes()),
        padded_(kernel::padded_classes(classes_)),
        w_(to_padded_float(model.parameters(), d_, classes_)),
        g_(w_.size()),
        velocity_(config.momentum > 0 ? w_.size() : 0, 0.0f) {
    if (prox_anchor) anchor_ = to_padded_float(*prox_anchor, d_, classes_);
    const auto b = std::min(data.size(), static_cast<std::size_t>(config.batch_size));
    z_.resize(b * static_cast<std::size_t>(padded_));
    rows_.resize(b);
    labels_.resize(b);
  }

  void step(std::span<const std::size_t> batch, std::span<const std::size_t> upcoming) override {
    // Batches are random rows: fetch the next batch's rows while this one computes (a large
    // client's data does not fit in cache; a small one's prefetches hit and cost little).
    for (std::size_t row : upcoming) {
      const char* p = reinterpret_cast<const char*>(row_data(row));
      for (Index byte = 0; byte < row_bytes_; byte += 64) __builtin_prefetch(p + byte);
    }
    const auto b = static_cast<Index>(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      rows_[i] = row_data(batch[i]);
      labels_[i] = data_.labels[batch[i]];
    }
    const float* bias = w_.data() + d_ * padded_;
    kernels_.logits_delta(rows_.data(), b, d_, w_.data(), bias, padded_, classes_, labels_.data(),
                          z_.data());
    kernels_.gradient(rows_.data(), b, d_, z_.data(), padded_, g_.data(), g_.data() + d_ * padded_);
    apply_float_sgd_step(w_, g_, config_, anchor_, velocity_);
  }

  void finish() override { model_.set_parameters(from_padded_float(w_, d_, classes_)); }

 private:
  const float* row_data(std::size_t row) const {
    return data_.features.data() + static_cast<Index>(row) * d_;
  }

  DenseModel& model_;
  const Dataset& data_;
  const SgdConfig& config_;
  const kernel::RowKernels& kernels_;
  const Index d_, classes_, padded_;
  const Index row_bytes_ = d_ * static_cast<Index>(sizeof(float));
  std::vector<float> w_, g_, velocity_, anchor_;  // padded row-major layout
  std::vector<float> z_;                          // logits, then the output delta
  std::vector<const float*> rows_;
  std::vector<int> labels_;
};

}  // namespace

std::unique_ptr<BatchStepper> make_logistic_stepper(Model& model, const Dataset& data,
                                                    const SgdConfig& config,
                                                    const Eigen::VectorXd* prox_anchor) {
  auto* dense = dynamic_cast<DenseModel*>(&model);
  if (dense == nullptr || dense->layers().layer_count() != 1 || data.size() == 0) return nullptr;
  return std::make_unique<LogisticStepper>(*dense, data, config, prox_anchor);
}

}  // namespace edgefleet::learning
