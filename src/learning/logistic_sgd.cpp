#include "learning/logistic_sgd.hpp"

#include <algorithm>

#include "learning/dense_model.hpp"
#include "learning/row_kernels.hpp"

namespace edgefleet::learning {

namespace {

using Eigen::Index;

// Flat [W | b] with W read as `rows` x `cols` column-major, returned with W stored row-major
// (b unchanged). W's layouts are [d x C column-major] = [C x d row-major], so
// transpose_weights(theta, d, C) gives the row-major training layout and
// transpose_weights(p, C, d) brings it back. A permutation: element-wise updates give the same
// bits in either layout.
Eigen::VectorXd transpose_weights(const Eigen::VectorXd& v, Index rows, Index cols) {
  Eigen::VectorXd out(v.size());
  for (Index r = 0; r < rows; ++r)
    for (Index c = 0; c < cols; ++c) out(r * cols + c) = v(c * rows + r);
  out.tail(v.size() - rows * cols) = v.tail(v.size() - rows * cols);
  return out;
}

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
        w_(transpose_weights(model.parameters(), d_, classes_)),
        g_(w_.size()),
        velocity_(Eigen::VectorXd::Zero(config.momentum > 0 ? w_.size() : 0)) {
    if (prox_anchor) {
      anchor_ = transpose_weights(*prox_anchor, d_, classes_);
      anchor_ptr_ = &anchor_;
    }
    // Sized like DenseLayers' workspace slots (rows = the first, largest batch): the logits block
    // then has the same leading dimension, so Eigen's exp takes the same vector/scalar split.
    const auto b =
        static_cast<Index>(std::min(data.size(), static_cast<std::size_t>(config.batch_size)));
    z_.resize(b, classes_);
    stats_.resize(b, 2);
    delta_rm_.resize(classes_, b);
    rows_.resize(static_cast<std::size_t>(b));
    labels_.resize(static_cast<std::size_t>(b));
  }

  void step(std::span<const std::size_t> batch, std::span<const std::size_t> upcoming) override {
    // Batches are random rows: fetch the next batch's rows while this one computes (a large
    // client's data does not fit in cache; a small one's prefetches hit and cost little).
    for (std::size_t row : upcoming) {
      const char* p =
          reinterpret_cast<const char*>(data_.features.row(static_cast<Index>(row)).data());
      for (Index byte = 0; byte < row_bytes_; byte += 64) __builtin_prefetch(p + byte);
    }
    const auto b = static_cast<Index>(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      rows_[i] = data_.features.row(static_cast<Index>(batch[i])).data();
      labels_[i] = data_.labels[batch[i]];
    }
    const double* bias = w_.data() + d_ * classes_;
    auto z = z_.topLeftCorner(b, classes_);
    kernels_.logits(rows_.data(), b, d_, w_.data(), bias, classes_, z.data(), 1, z_.rows());
    auto delta_rm = delta_rm_.topLeftCorner(classes_, b);
    logistic_output_delta(z, stats_.topLeftCorner(b, 2),
                          std::span<const int>(labels_.data(), batch.size()), delta_rm);
    kernels_.gradient(rows_.data(), b, d_, delta_rm.data(), classes_, g_.data(),
                      g_.data() + d_ * classes_);
    apply_sgd_step(w_, g_, config_, anchor_ptr_, velocity_);
  }

  void finish() override { model_.set_parameters(transpose_weights(w_, classes_, d_)); }

 private:
  DenseModel& model_;
  const Dataset& data_;
  const SgdConfig& config_;
  const kernel::RowKernels& kernels_;
  const Index d_, classes_;
  const Index row_bytes_ = d_ * static_cast<Index>(sizeof(double));
  Eigen::VectorXd w_, g_, velocity_, anchor_;  // row-major layout
  const Eigen::VectorXd* anchor_ptr_ = nullptr;
  Eigen::MatrixXd z_, stats_, delta_rm_;
  std::vector<const double*> rows_;
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
