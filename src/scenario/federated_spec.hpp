#pragma once
// The scenario's "federated" section, typed: which data, which model, how rounds run on the fleet.
// docs/scenario.md documents every field; units are in the names.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "federated/attacks.hpp"
#include "learning/sgd.hpp"

namespace edgefleet::scenario {

// Named policy plus its parameter object, resolved through a registry at load time.
struct NamedChoice {
  std::string name;
  nlohmann::json params = nlohmann::json::object();
};

struct FederatedDataset {
  std::string kind = "synthetic";  // synthetic | fashion_mnist | csv
  // synthetic (FedProx Synthetic(alpha, beta)); clients = FederatedSpec::clients
  double alpha = 1, beta = 1;
  bool iid = false;
  int max_samples_per_client = 0;  // 0 = the paper's uncapped lognormal tail
  // fashion_mnist / csv: a pool split over clients by `partition`
  std::string path;               // fashion_mnist: directory of IDX files; csv: the file
  std::int64_t max_samples = 0;   // 0 = all rows of the pool
  std::string partition = "iid";  // iid | dirichlet | shards
  double dirichlet_alpha = 0.5;
  int shards_per_client = 2;
  double train_fraction = 0.9;  // each client's rows: train / held-out test
};

struct StragglerSpec {
  double fraction = 0;          // share of selected clients made stragglers each round
  std::string policy = "drop";  // drop (FedAvg) | partial (FedProx: fewer epochs, in [1, E])
};

struct AvailabilitySpec {
  double mean_online_s = 0;  // 0 = always online
  double mean_offline_s = 0;
};

struct PrivacySpec {
  double clip_norm = 0;  // 0 = no DP
  double noise_multiplier = 0;
  double delta = 1e-5;
};

struct FederatedSpec {
  bool enabled = false;
  FederatedDataset dataset;
  std::string model_kind = "logistic";  // logistic | mlp
  std::vector<int> hidden_layers;       // mlp
  std::int64_t clients = 30;            // devices 0..clients-1 of the fleet (spread evenly)
  std::int64_t clients_per_round = 10;
  int rounds = 10;
  std::string mode = "sync";          // sync | async (FedBuff)
  std::string coordinator = "cloud";  // cloud | fog (hierarchical: fogs aggregate their clients)
  double start_s = 0;
  double round_interval_s = 0;  // idle time between a round's end and the next round's start
  double round_deadline_s = 0;  // 0 = wait for every selected client
  NamedChoice selection{"uniform", nlohmann::json::object()};
  NamedChoice aggregator{"fedavg", nlohmann::json::object()};
  NamedChoice server_optimizer{"sgd", nlohmann::json::object()};
  NamedChoice compression{"none", nlohmann::json::object()};
  learning::SgdConfig local;  // local training: epochs, batch, lr, momentum, decay, FedProx mu
  StragglerSpec stragglers;
  AvailabilitySpec availability;
  PrivacySpec privacy;
  federated::AttackSpec attack;
  int buffer_size = 10;             // async: aggregate every K arrivals
  double staleness_exponent = 0.5;  // async: weight (1 + staleness)^-a
  int max_concurrency = 0;          // async: clients training at once (0 = clients_per_round)
  int max_parallel_transfers = 0;   // per aggregator (coordinator or fog); 0 = unlimited
  double bytes_per_parameter = 4;   // downlink of the global model (float32)
  double target_accuracy = 0;       // 0 = none; the summary reports rounds and time to reach it
  bool evaluate_train_loss = true;  // global model's loss on all clients' training data per round
};

}  // namespace edgefleet::scenario
