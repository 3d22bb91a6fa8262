#include "learning/softmax_model.hpp"

namespace edgefleet::learning {

SoftmaxModel::SoftmaxModel(int input_dim, int num_classes) : DenseModel({input_dim, num_classes}) {}

std::unique_ptr<Model> SoftmaxModel::clone() const {
  return std::make_unique<SoftmaxModel>(*this);
}

}  // namespace edgefleet::learning
