#pragma once
// The numerics shared by SoftmaxModel and MlpModel: a stack of fully-connected layers with ReLU
// between them and a softmax cross-entropy head, reading its parameters from a flat vector.
//
// Layout of theta, layer by layer (layer l maps n_l inputs to n_{l+1} outputs):
//   [W_0 (n_0 x n_1, column-major) | b_0 (n_1) | W_1 (n_1 x n_2) | b_1 (n_2) | ...]
// so a stack without hidden layers is exactly multinomial logistic regression [W (d x C) | b].
//
// FLOP convention (per sample; a multiply-add = 2 FLOPs; activations, softmax and the parameter
// update are not counted, as they are O(width) against O(width^2) for the products):
//   forward  = sum_l (2 n_l n_{l+1} + n_{l+1})             products + bias adds
//   backward = sum_l (2 n_l n_{l+1} + n_{l+1})             weight and bias gradients
//            + sum_{l >= 1} 2 n_l n_{l+1}                   gradient w.r.t. hidden activations
//                                                          (none is needed for the input layer)
#include <cstddef>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "learning/dataset.hpp"
#include "learning/model.hpp"

namespace edgefleet::learning {

class DenseLayers {
 public:
  // sizes = [input_dim, hidden..., num_classes]; every size must be positive.
  explicit DenseLayers(std::vector<int> sizes);

  int layer_count() const { return static_cast<int>(sizes_.size()) - 1; }
  int fan_in(int layer) const { return sizes_[static_cast<std::size_t>(layer)]; }
  int fan_out(int layer) const { return sizes_[static_cast<std::size_t>(layer) + 1]; }
  int input_dim() const { return sizes_.front(); }
  int num_classes() const { return sizes_.back(); }
  Eigen::Index parameter_count() const { return offsets_.back(); }
  Eigen::Index weight_offset(int layer) const { return offsets_[static_cast<std::size_t>(layer)]; }
  Eigen::Index bias_offset(int layer) const {
    return weight_offset(layer) + Eigen::Index{fan_in(layer)} * fan_out(layer);
  }

  struct Totals {
    double loss_sum = 0;  // sum over rows of the cross-entropy
    std::size_t correct = 0;
  };
  // Evaluates all rows in chunks, bounding memory on large sets (e.g. 60,000 Fashion-MNIST rows).
  Totals evaluate(const Eigen::VectorXd& theta, const Dataset& data) const;

  // Mean-loss gradient over the batch (x, labels) into `out`; see Model::batch_gradient.
  void gradient(const Eigen::VectorXd& theta, const Eigen::Ref<const Eigen::MatrixXd>& x,
                std::span<const int> labels, Eigen::VectorXd& out, GradientWorkspace& ws) const;

  double flops_per_inference() const;
  double flops_per_training_sample() const;

 private:
  // Runs the forward pass into ws (hidden activations, then logits) and returns the logits.
  // x is a column-major double batch (training) or chunk (evaluation, widened from the float
  // dataset). Defined and used in dense_layers.cpp.
  template <typename Input>
  Eigen::Block<Eigen::MatrixXd> forward(const Eigen::VectorXd& theta, const Input& x,
                                        GradientWorkspace& ws) const;

  // evaluate() of a net without hidden layers, streaming the dataset's rows through the kernel.
  Totals logistic_evaluate(const Eigen::VectorXd& theta, const Dataset& data) const;
  // gradient() of a net without hidden layers (multinomial logistic regression), on the kernels
  // of softmax_kernel.hpp.
  void logistic_gradient(const Eigen::VectorXd& theta, const Eigen::Ref<const Eigen::MatrixXd>& x,
                         std::span<const int> labels, Eigen::VectorXd& out,
                         GradientWorkspace& ws) const;

  std::vector<int> sizes_;
  std::vector<Eigen::Index> offsets_;  // weight offset of each layer, then the total
};

}  // namespace edgefleet::learning
