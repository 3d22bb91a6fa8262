#include "learning/model_factory.hpp"

#include <functional>
#include <map>
#include <stdexcept>

#include "learning/mlp_model.hpp"
#include "learning/softmax_model.hpp"

namespace edgefleet::learning {

namespace {

using Factory =
    std::function<std::unique_ptr<Model>(const ModelArchitecture&, int, int, std::uint64_t)>;

const std::map<std::string, Factory>& registry() {
  static const std::map<std::string, Factory> factories{
      {"logistic",
       [](const ModelArchitecture& a, int d, int c, std::uint64_t) -> std::unique_ptr<Model> {
         if (!a.hidden.empty())
           throw std::invalid_argument("model kind 'logistic' takes no hidden layers");
         return std::make_unique<SoftmaxModel>(d, c);
       }},
      {"mlp",
       [](const ModelArchitecture& a, int d, int c, std::uint64_t seed) -> std::unique_ptr<Model> {
         return std::make_unique<MlpModel>(d, a.hidden, c, seed);
       }},
  };
  return factories;
}

}  // namespace

std::vector<std::string> model_kinds() {
  std::vector<std::string> names;
  for (const auto& entry : registry()) names.push_back(entry.first);
  return names;
}

std::unique_ptr<Model> make_model(const ModelArchitecture& architecture, int input_dim,
                                  int num_classes, std::uint64_t seed) {
  const auto it = registry().find(architecture.kind);
  if (it == registry().end()) {
    std::string known;
    for (const auto& name : model_kinds()) known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument("unknown model kind '" + architecture.kind + "'; known: " + known);
  }
  return it->second(architecture, input_dim, num_classes, seed);
}

}  // namespace edgefleet::learning
