#include "learning/model.hpp"

#include <numeric>

namespace edgefleet::learning {

Model::~Model() = default;

Model::LossAndAccuracy Model::loss_and_accuracy(const Dataset& data) const {
  return {loss(data), accuracy(data)};
}

Eigen::VectorXd Model::gradient(const Dataset& data) const {
  std::vector<std::size_t> all(data.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  return gradient(data, all);
}

void Model::batch_gradient(const Eigen::Ref<const Eigen::MatrixXd>& x, std::span<const int> labels,
                           Eigen::VectorXd& out, GradientWorkspace& /*workspace*/) const {
  Dataset batch;
  batch.num_classes = num_classes();
  batch.features = x.cast<float>();  // the dataset's storage type
  batch.labels.assign(labels.begin(), labels.end());
  std::vector<std::size_t> rows(labels.size());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  out = gradient(batch, rows);
}

}  // namespace edgefleet::learning
