#pragma once
// Multi-layer perceptron: ReLU hidden layers, softmax output, trained on mean cross-entropy.
// Parameters in ONE flat vector, layer by layer [W_0 | b_0 | W_1 | b_1 | ...], each W_l
// (fan_in x fan_out) column-major (see DenseLayers). With no hidden layer it is exactly
// SoftmaxModel's layout.
//
// Initialisation (He et al. 2015, suited to ReLU): W_l ~ N(0, sqrt(2 / fan_in)), biases 0, drawn
// in layout order from the stream (init_seed, kTraining, 0) with the portable Box-Muller sampler,
// so the same seed gives the same network on every platform.
//
// FLOPs per sample (multiply-add = 2): forward sum_l (2 n_l n_{l+1} + n_{l+1}); training adds
// the same for weight and bias gradients plus 2 n_l n_{l+1} per layer above the first for the
// gradient w.r.t. its input.
#include <cstdint>
#include <memory>
#include <vector>

#include "learning/dense_model.hpp"

namespace edgefleet::learning {

class MlpModel : public DenseModel {
 public:
  // Throws std::invalid_argument when a size is not positive.
  MlpModel(int input_dim, std::vector<int> hidden_sizes, int num_classes, std::uint64_t init_seed);

  std::unique_ptr<Model> clone() const override;
  const std::vector<int>& hidden_sizes() const { return hidden_; }

 private:
  std::vector<int> hidden_;
};

}  // namespace edgefleet::learning
