#pragma once
// The Model entry points for any DenseLayers network: parameters, loss, accuracy, gradients and
// FLOPs. SoftmaxModel and MlpModel derive from it and only state architecture and initialisation.
#include <cstddef>
#include <vector>

#include <Eigen/Dense>

#include "learning/dataset.hpp"
#include "learning/dense_layers.hpp"
#include "learning/model.hpp"

namespace edgefleet::learning {

class DenseModel : public Model {
 public:
  int input_dim() const override { return net_.input_dim(); }
  int num_classes() const override { return net_.num_classes(); }
  const Eigen::VectorXd& parameters() const override { return theta_; }
  void set_parameters(const Eigen::VectorXd& theta) override;

  double loss(const Dataset& data) const override;
  double accuracy(const Dataset& data) const override;
  LossAndAccuracy loss_and_accuracy(const Dataset& data) const override;
  using Model::gradient;
  Eigen::VectorXd gradient(const Dataset& data,
                           const std::vector<std::size_t>& rows) const override;
  void batch_gradient(const Eigen::Ref<const Eigen::MatrixXd>& x, std::span<const int> labels,
                      Eigen::VectorXd& out, GradientWorkspace& workspace) const override;

  double flops_per_inference() const override { return net_.flops_per_inference(); }
  double flops_per_training_sample() const override { return net_.flops_per_training_sample(); }

  const DenseLayers& layers() const { return net_; }

 protected:
  // Zero parameters; the derived constructor initialises them.
  explicit DenseModel(std::vector<int> layer_sizes);
  Eigen::VectorXd& mutable_parameters() { return theta_; }

 private:
  DenseLayers net_;
  Eigen::VectorXd theta_;
};

}  // namespace edgefleet::learning
