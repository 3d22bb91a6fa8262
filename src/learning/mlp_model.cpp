#include "learning/mlp_model.hpp"

#include <cmath>

#include "core/random_draws.hpp"
#include "core/rng.hpp"

namespace edgefleet::learning {

namespace {

std::vector<int> layer_sizes(int input_dim, const std::vector<int>& hidden, int num_classes) {
  std::vector<int> sizes{input_dim};
  sizes.insert(sizes.end(), hidden.begin(), hidden.end());
  sizes.push_back(num_classes);
  return sizes;
}

}  // namespace

MlpModel::MlpModel(int input_dim, std::vector<int> hidden_sizes, int num_classes,
                   std::uint64_t init_seed)
    : DenseModel(layer_sizes(input_dim, hidden_sizes, num_classes)),
      hidden_(std::move(hidden_sizes)) {
  core::Rng rng = core::make_stream(init_seed, core::StreamPurpose::kTraining, 0);
  Eigen::VectorXd& theta = mutable_parameters();
  const DenseLayers& net = layers();
  for (int l = 0; l < net.layer_count(); ++l) {
    const double stddev = std::sqrt(2.0 / net.fan_in(l));
    for (Eigen::Index i = net.weight_offset(l); i < net.bias_offset(l); ++i)
      theta(i) = core::draw_normal(rng, 0, stddev);
  }
}

std::unique_ptr<Model> MlpModel::clone() const {
  return std::make_unique<MlpModel>(*this);
}

}  // namespace edgefleet::learning
