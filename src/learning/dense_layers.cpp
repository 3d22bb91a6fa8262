#include "learning/dense_layers.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "learning/logistic_layout.hpp"
#include "learning/row_kernels.hpp"
#include "learning/softmax_kernel.hpp"

namespace edgefleet::learning {

namespace {

using Eigen::Index;

// Rows per chunk in evaluate(): 1024 x 784 doubles (6 MB) stays cache- and memory-friendly.
constexpr Index kEvaluationChunkRows = 1024;
// Logistic regression evaluates 256 rows at a time: their logits (12 KB at C = 10) stay in L1.
constexpr Index kLogisticChunkRows = 256;

// Workspace slots: the output of layer l in slot l (ReLU activations, then the logits, which
// become probabilities and then the output delta in place); the loss gradient w.r.t. the output
// of hidden layer l in slot L + l; per-row softmax statistics in slot 2L - 1.
std::size_t output_slot(int layer) {
  return static_cast<std::size_t>(layer);
}
std::size_t delta_slot(int layer, int layers) {
  return layer == layers - 1 ? output_slot(layer) : static_cast<std::size_t>(layers + layer);
}
std::size_t stats_slot(int layers) {
  return static_cast<std::size_t>(2 * layers - 1);
}
// Logistic regression's gradient: the output delta, row-major (classes contiguous) for the kernel.
std::size_t logistic_delta_slot(int layers) {
  return static_cast<std::size_t>(2 * layers);
}

// Sizes the slot list once per call, before any block is taken: growing the vector later would
// move the matrices and leave earlier blocks referring to moved-from objects.
void reserve_slots(GradientWorkspace& ws, int layers) {
  if (ws.matrices.size() < logistic_delta_slot(layers) + 1)
    ws.matrices.resize(logistic_delta_slot(layers) + 1);
}

// The top-left rows x cols corner of a slot. The matrix only grows, so batches of varying size
// (the short last batch of an epoch) reuse it without reallocating.
Eigen::Block<Eigen::MatrixXd> scratch(GradientWorkspace& ws, std::size_t slot, Index rows,
                                      Index cols) {
  Eigen::MatrixXd& m = ws.matrices[slot];
  if (m.rows() < rows || m.cols() < cols)
    m.resize(std::max(m.rows(), rows), std::max(m.cols(), cols));
  return m.topLeftCorner(rows, cols);
}

// Replaces each row of logits by its softmax, subtracting the row max first so exp never
// overflows.
void softmax_rows(Eigen::Block<Eigen::MatrixXd> z, Eigen::Block<Eigen::MatrixXd> stats) {
  stats.col(0) = z.rowwise().maxCoeff();
  z.colwise() -= stats.col(0);
  z = z.array().exp();
  stats.col(1) = z.rowwise().sum();
  z.array().colwise() /= stats.col(1).array();
}

// Logistic regression's output delta for one batch: z (b x C logits) becomes exp(z - row max)
// in place (stats: b x 2 scratch), and delta_rm (a C x b column-major block, i.e. b x C
// row-major) receives (softmax - onehot(y)) / b.
void logistic_output_delta(Eigen::Block<Eigen::MatrixXd> z, Eigen::Block<Eigen::MatrixXd> stats,
                           std::span<const int> labels, Eigen::Block<Eigen::MatrixXd> delta_rm) {
  const Index b = z.rows(), classes = z.cols();
  // Loops run class by class, rows innermost: the column-major block is read contiguously and
  // each row's running max / sum still takes the classes in order 0..C-1.
  auto row_max = stats.col(0);
  row_max = z.col(0);
  for (Index c = 1; c < classes; ++c)
    for (Index i = 0; i < b; ++i) row_max(i) = std::max(row_max(i), z(i, c));
  z.colwise() -= row_max;  // exp never overflows
  z = z.array().exp();
  auto row_sum = stats.col(1);
  row_sum.setZero();
  for (Index c = 0; c < classes; ++c)
    for (Index i = 0; i < b; ++i) row_sum(i) = row_sum(i) + z(i, c);
  // d(mean loss)/d(logits) = (softmax - onehot(y)) / b.
  const auto rows = static_cast<double>(b);
  for (Index i = 0; i < b; ++i) {
    const int y = labels[static_cast<std::size_t>(i)];
    for (Index c = 0; c < classes; ++c) {
      double p = z(i, c) / row_sum(i);
      if (c == y) p -= 1.0;
      delta_rm(c, i) = p / rows;
    }
  }
}

}  // namespace

DenseLayers::DenseLayers(std::vector<int> sizes) : sizes_(std::move(sizes)) {
  if (sizes_.size() < 2) throw std::invalid_argument("a network needs input and output sizes");
  for (int s : sizes_)
    if (s <= 0)
      throw std::invalid_argument("layer sizes must be positive, got " + std::to_string(s));
  offsets_.push_back(0);
  for (int l = 0; l < layer_count(); ++l)
    offsets_.push_back(offsets_.back() + Index{fan_in(l)} * fan_out(l) + fan_out(l));
}

template <typename Input>
Eigen::Block<Eigen::MatrixXd> DenseLayers::forward(const Eigen::VectorXd& theta, const Input& x,
                                                   GradientWorkspace& ws) const {
  const int layers = layer_count();
  reserve_slots(ws, layers);
  const Index b = x.rows();
  for (int l = 0; l < layers; ++l) {
    const Eigen::Map<const Eigen::MatrixXd> w(theta.data() + weight_offset(l), fan_in(l),
                                              fan_out(l));
    const Eigen::Map<const Eigen::RowVectorXd> bias(theta.data() + bias_offset(l), fan_out(l));
    auto z = scratch(ws, output_slot(l), b, fan_out(l));
    if constexpr (!Input::IsRowMajor) {
      if (layers == 1) {
        // Logistic regression: the hand-tight kernel, which also adds the bias.
        kernel::affine_logits(x.data(), x.outerStride(), b, fan_in(0), w.data(), bias.data(),
                              fan_out(0), z.data(), z.outerStride());
        return z;
      }
    }
    if (l == 0) {
      z.noalias() = x * w;
    } else {
      z.noalias() = scratch(ws, output_slot(l - 1), b, fan_in(l)) * w;
    }
    z.rowwise() += bias;
    if (l + 1 < layers) z = z.cwiseMax(0.0);  // ReLU on hidden layers
  }
  return scratch(ws, output_slot(layers - 1), b, num_classes());
}

DenseLayers::Totals DenseLayers::evaluate(const Eigen::VectorXd& theta, const Dataset& data) const {
  if (layer_count() == 1) return logistic_evaluate(theta, data);
  Totals totals;
  GradientWorkspace ws;
  const int layers = layer_count();
  reserve_slots(ws, layers);
  const Index n = data.features.rows();
  // The network computes in double: each chunk of float rows is widened once (exactly).
  Eigen::MatrixXd x(std::min(n, kEvaluationChunkRows), data.features.cols());
  for (Index start = 0; start < n; start += kEvaluationChunkRows) {
    const Index rows = std::min(kEvaluationChunkRows, n - start);
    x.topRows(rows) = data.features.middleRows(start, rows).cast<double>();
    auto z = forward(theta, x.topRows(rows), ws);
    auto stats = scratch(ws, stats_slot(layers), rows, 2);
    // Whole-block operations (vectorised exp) rather than a loop over rows, which are strided
    // in the column-major block: this pass is a third of a local epoch's cost.
    stats.col(0) = z.rowwise().maxCoeff();
    z.colwise() -= stats.col(0);  // every row's max is now exactly 0
    for (Index i = 0; i < rows; ++i) {
      const int y = data.labels[static_cast<std::size_t>(start + i)];
      // Correct when the label holds the row max and no earlier class ties it (the first
      // arg-max wins ties, so an all-equal row counts for class 0 only).
      bool correct = z(i, y) == 0.0;
      for (int c = 0; correct && c < y; ++c) correct = z(i, c) != 0.0;
      totals.correct += correct;
      totals.loss_sum -= z(i, y);
    }
    z = z.array().exp();
    stats.col(1) = z.rowwise().sum();
    // -log softmax_y = log sum_j exp(z_j - max) - (z_y - max).
    totals.loss_sum += stats.col(1).array().log().sum();
  }
  return totals;
}

DenseLayers::Totals DenseLayers::logistic_evaluate(const Eigen::VectorXd& theta,
                                                   const Dataset& data) const {
  Totals totals;
  const Index n = data.features.rows(), d = input_dim(), classes = num_classes();
  if (n == 0) return totals;
  // float32, as training (row_kernels.hpp): W row-major and padded, rows read as stored.
  const Index padded = kernel::padded_classes(classes);
  const std::vector<float> w = to_padded_float(theta, d, classes);
  const float* bias = w.data() + d * padded;
  std::vector<float> z(static_cast<std::size_t>(std::min(n, kLogisticChunkRows) * padded));
  const kernel::RowKernels& kernels = kernel::row_kernels();
  std::vector<const float*> row_ptrs(static_cast<std::size_t>(std::min(n, kLogisticChunkRows)));
  double loss_sum = 0;
  long correct = 0;
  for (Index start = 0; start < n; start += kLogisticChunkRows) {
    const Index rows = std::min(kLogisticChunkRows, n - start);
    for (Index i = 0; i < rows; ++i)
      row_ptrs[static_cast<std::size_t>(i)] = data.features.data() + (start + i) * d;
    kernels.evaluate(row_ptrs.data(), rows, d, w.data(), bias, padded, classes,
                     data.labels.data() + static_cast<std::size_t>(start), z.data(), &loss_sum,
                     &correct);
  }
  totals.loss_sum = loss_sum;
  totals.correct = static_cast<std::size_t>(correct);
  return totals;
}

void DenseLayers::gradient(const Eigen::VectorXd& theta, const Eigen::Ref<const Eigen::MatrixXd>& x,
                           std::span<const int> labels, Eigen::VectorXd& out,
                           GradientWorkspace& ws) const {
  if (x.cols() != input_dim() || static_cast<std::size_t>(x.rows()) != labels.size())
    throw std::invalid_argument("batch shape does not match the network or its labels");
  if (out.size() != parameter_count()) out.resize(parameter_count());
  const Index b = x.rows();
  if (b == 0) {
    out.setZero();
    return;
  }
  const int layers = layer_count();
  if (layers == 1) {
    logistic_gradient(theta, x, labels, out, ws);
    return;
  }
  // d(mean loss)/d(logits) = (softmax - onehot(y)) / b, built in place over the logits.
  auto delta_out = forward(theta, x, ws);
  softmax_rows(delta_out, scratch(ws, stats_slot(layers), b, 2));
  for (Index i = 0; i < b; ++i) delta_out(i, labels[static_cast<std::size_t>(i)]) -= 1.0;
  delta_out /= static_cast<double>(b);

  for (int l = layers - 1; l >= 0; --l) {
    const auto delta = scratch(ws, delta_slot(l, layers), b, fan_out(l));
    Eigen::Map<Eigen::MatrixXd> grad_w(out.data() + weight_offset(l), fan_in(l), fan_out(l));
    Eigen::Map<Eigen::RowVectorXd> grad_b(out.data() + bias_offset(l), fan_out(l));
    grad_b = delta.colwise().sum();
    if (l == 0) {
      grad_w.noalias() = x.transpose() * delta;
      break;
    }
    const auto input = scratch(ws, output_slot(l - 1), b, fan_in(l));
    grad_w.noalias() = input.transpose() * delta;
    // Back through W_l, then through the ReLU: its derivative is 1 where the activation is
    // positive (taken as 0 at exactly 0).
    const Eigen::Map<const Eigen::MatrixXd> w(theta.data() + weight_offset(l), fan_in(l),
                                              fan_out(l));
    auto delta_in = scratch(ws, delta_slot(l - 1, layers), b, fan_in(l));
    delta_in.noalias() = delta * w.transpose();
    delta_in.array() *= (input.array() > 0.0).cast<double>();
  }
}

void DenseLayers::logistic_gradient(const Eigen::VectorXd& theta,
                                    const Eigen::Ref<const Eigen::MatrixXd>& x,
                                    std::span<const int> labels, Eigen::VectorXd& out,
                                    GradientWorkspace& ws) const {
  const Index b = x.rows(), classes = num_classes();
  reserve_slots(ws, 1);            // before the first block is taken
  auto z = forward(theta, x, ws);  // b x C logits, column-major
  // Row-major b x C lives in a column-major C x b block with leading dimension C.
  auto delta_rm = scratch(ws, logistic_delta_slot(1), classes, b);
  logistic_output_delta(z, scratch(ws, stats_slot(1), b, 2), labels, delta_rm);
  // The slot only ever holds C-row blocks, so its leading dimension is C.
  kernel::softmax_weight_gradient(x.data(), x.outerStride(), b, fan_in(0), delta_rm.data(), classes,
                                  out.data() + weight_offset(0), out.data() + bias_offset(0));
}

double DenseLayers::flops_per_inference() const {
  double flops = 0;
  for (int l = 0; l < layer_count(); ++l) flops += 2.0 * fan_in(l) * fan_out(l) + fan_out(l);
  return flops;
}

double DenseLayers::flops_per_training_sample() const {
  double backward = flops_per_inference();  // weight + bias gradients mirror the forward pass
  for (int l = 1; l < layer_count(); ++l) backward += 2.0 * fan_in(l) * fan_out(l);
  return flops_per_inference() + backward;
}

}  // namespace edgefleet::learning
