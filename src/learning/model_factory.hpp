#pragma once
// Builds a model by architecture name (DESIGN principle 2: a registry, not an if/else chain).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "learning/model.hpp"

namespace edgefleet::learning {

struct ModelArchitecture {
  std::string kind = "logistic";  // "logistic" (SoftmaxModel) or "mlp" (MlpModel)
  std::vector<int> hidden;        // hidden layer widths; mlp only
};

// Throws std::invalid_argument for an unknown kind (listing the known ones), for hidden layers
// given to logistic regression, or for a non-positive size. `seed` initialises the MLP's weights
// (logistic regression starts at zero).
std::unique_ptr<Model> make_model(const ModelArchitecture& architecture, int input_dim,
                                  int num_classes, std::uint64_t seed);

std::vector<std::string> model_kinds();

}  // namespace edgefleet::learning
