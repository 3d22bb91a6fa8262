#pragma once
// The federation's data: each client's train / held-out split, built from the scenario's dataset
// choice. Validation for "deploy only if improved" and the reported test accuracy use the union of
// the clients' held-out rows (the data never leaves the clients in a real deployment; the
// simulator evaluates centrally because it can).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "learning/dataset.hpp"
#include "scenario/federated_spec.hpp"

namespace edgefleet::federated {

struct FederationData {
  std::vector<learning::ClientData> clients;
  // The union of the clients' held-out rows, clients in order, held here only: the clients'
  // own test sets are empty (Synthetic data writes the rows here directly, file datasets move
  // them here after the split).
  learning::Dataset validation;
  int input_dim = 0;
  int num_classes = 0;
  std::string description;  // e.g. "fashion_mnist dirichlet(0.3), 100 clients, 20000 rows"

  double train_samples(std::size_t client) const {
    return static_cast<double>(clients[client].train.size());
  }
};

// What the simulation needs to know of the data before training starts: each client's
// training rows (selection and task sizes read them) and the model's dimensions.
struct FederationShape {
  std::vector<double> train_samples;  // per client
  int input_dim = 0;
  int num_classes = 0;
};

// Throws core::InputError (path /federated/dataset/...) when a dataset file is missing or bad.
FederationData make_federation_data(const scenario::FederatedSpec& spec, std::uint64_t seed);

// The shape make_federation_data(spec, seed) will have, without building the data: known for the
// synthetic dataset (each client's row count is the first draw of its own stream); nullopt for
// file datasets, whose partition needs the rows.
std::optional<FederationShape> predict_shape(const scenario::FederatedSpec& spec,
                                             std::uint64_t seed);
FederationShape shape_of(const FederationData& data);

}  // namespace edgefleet::federated
