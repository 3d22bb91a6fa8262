#pragma once
// Local SGD for multinomial logistic regression (a DenseModel without hidden layers) in float32,
// without copying rows: each batch is a list of pointers into the dataset's row-major float
// features, and the weights, gradients, velocity and FedProx anchor are floats in the kernels'
// padded row-major layout (logistic_layout.hpp), written back into the model's double parameters
// at the end. Each step: logits, softmax delta, gradient (row_kernels.hpp), then
// apply_float_sgd_step.
#include <memory>
#include <span>

#include "learning/sgd.hpp"

namespace edgefleet::learning {

// nullptr when `model` is not logistic regression (the caller then uses the generic path).
std::unique_ptr<BatchStepper> make_logistic_stepper(Model& model, const Dataset& data,
                                                    const SgdConfig& config,
                                                    const Eigen::VectorXd* prox_anchor);

// apply_sgd_step in float (g is modified, as there), element by element in this order:
// g += decay w; g += mu (w - anchor) (anchor non-empty); then v = momentum v + g, w -= lr v
// (momentum > 0) or w -= lr g.
void apply_float_sgd_step(std::span<float> w, std::span<float> g, const SgdConfig& config,
                          std::span<const float> anchor, std::span<float> velocity);

}  // namespace edgefleet::learning
