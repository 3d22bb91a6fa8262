#pragma once
// Multinomial logistic regression: p(y | x) = softmax(x W + b). Its parameters live in ONE flat
// vector [W (d x C, column-major) | b (C)] so federated code aggregates them as a vector.
//
// Work per sample: forward = 2 d C (matrix product) + C (bias); training adds the backward pass
// (2 d C + C for the weight and bias gradients), so 2x forward (see DenseLayers).
#include <memory>

#include "learning/dense_model.hpp"

namespace edgefleet::learning {

class SoftmaxModel : public DenseModel {
 public:
  SoftmaxModel(int input_dim, int num_classes);  // zero-initialised: the loss is convex

  std::unique_ptr<Model> clone() const override;
};

}  // namespace edgefleet::learning
