#include "learning/dense_model.hpp"

#include <stdexcept>
#include <string>

namespace edgefleet::learning {

DenseModel::DenseModel(std::vector<int> layer_sizes)
    : net_(std::move(layer_sizes)), theta_(Eigen::VectorXd::Zero(net_.parameter_count())) {}

void DenseModel::set_parameters(const Eigen::VectorXd& theta) {
  if (theta.size() != theta_.size())
    throw std::invalid_argument("parameter vector size mismatch: got " +
                                std::to_string(theta.size()) + ", expected " +
                                std::to_string(theta_.size()));
  theta_ = theta;
}

double DenseModel::loss(const Dataset& data) const {
  return loss_and_accuracy(data).loss;
}

double DenseModel::accuracy(const Dataset& data) const {
  return loss_and_accuracy(data).accuracy;
}

Model::LossAndAccuracy DenseModel::loss_and_accuracy(const Dataset& data) const {
  if (data.size() == 0) return {};
  const DenseLayers::Totals totals = net_.evaluate(theta_, data);
  const auto n = static_cast<double>(data.size());
  return {totals.loss_sum / n, static_cast<double>(totals.correct) / n};
}

Eigen::VectorXd DenseModel::gradient(const Dataset& data,
                                     const std::vector<std::size_t>& rows) const {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), data.features.cols());
  std::vector<int> labels(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    x.row(static_cast<Eigen::Index>(i)) =
        data.features.row(static_cast<Eigen::Index>(rows[i])).cast<double>();
    labels[i] = data.labels[rows[i]];
  }
  Eigen::VectorXd g;
  GradientWorkspace ws;
  net_.gradient(theta_, x, labels, g, ws);
  return g;
}

void DenseModel::batch_gradient(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                std::span<const int> labels, Eigen::VectorXd& out,
                                GradientWorkspace& workspace) const {
  net_.gradient(theta_, x, labels, out, workspace);
}

}  // namespace edgefleet::learning
