#include "learning/softmax_model.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace edgefleet::learning {

SoftmaxModel::SoftmaxModel(int input_dim, int num_classes)
    : d_(input_dim),
      c_(num_classes),
      theta_(Eigen::VectorXd::Zero(input_dim * num_classes + num_classes)) {}

void SoftmaxModel::set_parameters(const Eigen::VectorXd& theta) {
  if (theta.size() != theta_.size()) throw std::invalid_argument("parameter vector size mismatch");
  theta_ = theta;
}

Eigen::MatrixXd SoftmaxModel::probabilities(const Eigen::MatrixXd& x) const {
  Eigen::MatrixXd logits = x * weights();
  logits.rowwise() += bias();
  // Subtract each row's max before exp: log-sum-exp stability.
  const Eigen::VectorXd row_max = logits.rowwise().maxCoeff();
  logits.colwise() -= row_max;
  logits = logits.array().exp();
  const Eigen::VectorXd sums = logits.rowwise().sum();
  return logits.array().colwise() / sums.array();
}

double SoftmaxModel::loss(const Dataset& data) const {
  if (data.size() == 0) return 0;
  const Eigen::MatrixXd p = probabilities(data.features);
  double total = 0;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    total -= std::log(std::max(p(i, data.labels[static_cast<std::size_t>(i)]), 1e-300));
  }
  return total / static_cast<double>(p.rows());
}

double SoftmaxModel::accuracy(const Dataset& data) const {
  if (data.size() == 0) return 0;
  const Eigen::MatrixXd p = probabilities(data.features);
  std::size_t correct = 0;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    Eigen::Index best;
    p.row(i).maxCoeff(&best);
    correct += best == data.labels[static_cast<std::size_t>(i)];
  }
  return static_cast<double>(correct) / static_cast<double>(p.rows());
}

Eigen::VectorXd SoftmaxModel::gradient(const Dataset& data,
                                       const std::vector<std::size_t>& rows) const {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), d_);
  for (std::size_t i = 0; i < rows.size(); ++i)
    x.row(static_cast<Eigen::Index>(i)) = data.features.row(static_cast<Eigen::Index>(rows[i]));
  // d loss / d logits = p - onehot(y), averaged over the batch.
  Eigen::MatrixXd delta = probabilities(x);
  for (std::size_t i = 0; i < rows.size(); ++i)
    delta(static_cast<Eigen::Index>(i), data.labels[rows[i]]) -= 1.0;
  delta /= static_cast<double>(rows.size());
  Eigen::VectorXd g(theta_.size());
  Eigen::Map<Eigen::MatrixXd>(g.data(), d_, c_) = x.transpose() * delta;
  Eigen::Map<Eigen::RowVectorXd>(g.data() + d_ * c_, c_) = delta.colwise().sum();
  return g;
}

Eigen::VectorXd SoftmaxModel::gradient(const Dataset& data) const {
  std::vector<std::size_t> all(data.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  return gradient(data, all);
}

}  // namespace edgefleet::learning
