#pragma once
// Local SGD for multinomial logistic regression (a DenseModel without hidden layers) without
// copying rows: each batch is a list of pointers into the dataset's row-major features, the
// weights are kept row-major during training (classes contiguous, see row_kernels.hpp) and
// written back in the model's flat layout at the end. Same arithmetic, in the same order, as the
// generic path (gather + DenseLayers::gradient): the same bits, about three times faster.
#include <memory>

#include "learning/sgd.hpp"

namespace edgefleet::learning {

// nullptr when `model` is not logistic regression (the caller then uses the generic path).
std::unique_ptr<BatchStepper> make_logistic_stepper(Model& model, const Dataset& data,
                                                    const SgdConfig& config,
                                                    const Eigen::VectorXd* prox_anchor);

}  // namespace edgefleet::learning
