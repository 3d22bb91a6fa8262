#pragma once
// Multinomial logistic regression: p(y | x) = softmax(x W + b). Its parameters live in ONE flat
// vector [W (d x C, column-major) | b (C)] so federated code aggregates them as a vector.
#include <Eigen/Dense>

#include "learning/dataset.hpp"

namespace edgefleet::learning {

class SoftmaxModel {
 public:
  SoftmaxModel(int input_dim, int num_classes);  // zero-initialised

  int input_dim() const { return d_; }
  int num_classes() const { return c_; }
  const Eigen::VectorXd& parameters() const { return theta_; }
  void set_parameters(const Eigen::VectorXd& theta);
  Eigen::Index parameter_count() const { return theta_.size(); }

  // Mean softmax cross-entropy over the rows [begin, end) of `data` (all rows by default).
  double loss(const Dataset& data) const;
  double accuracy(const Dataset& data) const;
  // Gradient of the mean loss over rows `rows` (indices into data), in the flat layout.
  Eigen::VectorXd gradient(const Dataset& data, const std::vector<std::size_t>& rows) const;
  Eigen::VectorXd gradient(const Dataset& data) const;

  // Work per sample: forward = 2 d C (matrix product) + C (bias); training adds the backward
  // pass (2 d C for the weight gradient), so ~ 2x forward.
  double flops_per_inference() const { return 2.0 * d_ * c_ + c_; }
  double flops_per_training_sample() const { return 2.0 * flops_per_inference(); }

 private:
  Eigen::Map<const Eigen::MatrixXd> weights() const { return {theta_.data(), d_, c_}; }
  Eigen::Map<const Eigen::RowVectorXd> bias() const { return {theta_.data() + d_ * c_, c_}; }
  // Row-wise softmax probabilities of the rows' logits.
  Eigen::MatrixXd probabilities(const Eigen::MatrixXd& x) const;

  int d_, c_;
  Eigen::VectorXd theta_;
};

}  // namespace edgefleet::learning
