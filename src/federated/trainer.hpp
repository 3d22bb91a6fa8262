#pragma once
// The federated learning numerics, with no notion of time: local training on each client's real
// data (Eigen), attack injection, DP clipping and noise, update compression, aggregation (sync,
// hierarchical or FedBuff-async), the server optimizer, evaluation and the deploy-if-improved
// rule. sim/federated decides *who* finishes *when*; this class computes what their work yields.
#include <cstdint>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "federated/aggregator.hpp"
#include "federated/client_task.hpp"
#include "federated/federation_data.hpp"
#include "learning/model.hpp"
#include "scenario/federated_spec.hpp"

namespace edgefleet::federated {

class ServerOptimizer;
class Compressor;
class RdpAccountant;

struct RoundMetrics {
  std::size_t aggregated = 0;  // client updates that entered the aggregate
  bool model_updated = false;  // false when nothing (or too little for the rule) arrived
  double train_loss = std::numeric_limits<double>::quiet_NaN();  // global model, all train data
  double test_loss = 0;      // global model on the validation rows
  double test_accuracy = 0;  // idem
  double epsilon = 0;        // DP budget spent so far at the scenario's delta (0 without DP)
  bool deployed = false;     // the new global model beat the deployed one on validation
  int deployed_version = 0;  // 0 = the initial model
  double deployed_accuracy = 0;
  double mean_staleness = 0;  // async only
};

class FederatedTrainer {
 public:
  FederatedTrainer(const scenario::FederatedSpec& spec, FederationData data, std::uint64_t seed);
  // The data comes from `source`, run on a thread of its own from construction on (with the
  // evaluation of the initial model): a simulation can plan and run rounds from `shape` (which
  // must be the data's, see predict_shape) while the clients' data is still being built. Every
  // call that needs the data waits for it and rethrows what `source` threw.
  FederatedTrainer(const scenario::FederatedSpec& spec, FederationShape shape,
                   std::function<FederationData()> source, std::uint64_t seed);
  ~FederatedTrainer();  // waits for the data thread

  std::size_t client_count() const { return shape_.train_samples.size(); }
  double train_samples(std::int64_t client) const;
  // Fixed at construction: the simulation asks while a worker thread steps the global model.
  std::int64_t parameter_count() const { return parameter_count_; }
  double download_bytes() const;  // the global model on the wire
  double upload_bytes() const;    // one client update after compression
  const learning::Model& global_model() const { return *global_; }
  const FederationData& data() const;
  // The initial model's validation figures (round 0); train_loss is NaN (see initial_train_loss).
  RoundMetrics initial_metrics() const;
  // The initial model's loss over every client's training rows (NaN when evaluate_train_loss is
  // off), computed on demand: a run shows it only when no round completes.
  double initial_train_loss() const;

  ClientTask plan(std::int64_t client, int round) const;

  // Synchronous round: each task in `done` trains from the current global model. `group` is empty
  // (flat) or gives each task's fog: fogs aggregate their clients, the cloud aggregates the fogs
  // (weighted by their clients' samples). Rounds are 1-based and come in order.
  RoundMetrics aggregate_round(int round, const std::vector<ClientTask>& done,
                               const std::vector<int>& group);

  // From now on, a synchronous round's train loss (when the spec evaluates it) is computed during
  // the next aggregate_round: each client that trains then is evaluated on the model it starts
  // from, the round's model, just before it trains, while its rows are in cache (one pass over
  // memory instead of two). aggregate_round returns NaN as train_loss; settle_train_losses gives
  // the values, the same bits as computed at once. Not for asynchronous rounds.
  void defer_train_loss();
  // Every deferred round's train loss by round, computing the one still owed (the latest model's).
  std::map<int, double> settle_train_losses();

  // Asynchronous (FedBuff, Nguyen et al. 2022): a client trains from the global model it
  // downloaded (`snapshot`, of version `start_version`); its update, weighted by
  // (1 + staleness)^-a, joins a buffer; every buffer_size arrivals the server steps. Returns the
  // metrics when this arrival flushed the buffer.
  using Snapshot = std::shared_ptr<const Eigen::VectorXd>;
  Snapshot snapshot() const { return snapshot_; }
  int model_version() const { return version_; }
  std::optional<RoundMetrics> arrive_async(const ClientTask& task, const Snapshot& start,
                                           int start_version, std::uint64_t arrival_index);

 private:
  ClientUpdate train_client(const ClientTask& task, const Eigen::VectorXd& start,
                            std::uint64_t stream_id) const;
  RoundMetrics step_and_evaluate(Eigen::VectorXd aggregated_delta, std::size_t aggregated);
  RoundMetrics evaluate() const;  // the global model, train loss as the spec says
  RoundMetrics evaluate_model(const learning::Model& model, bool with_train_loss) const;
  double train_loss(const learning::Model& model) const;  // over all clients' training rows
  // Client k's summed loss over its training rows (its mean times its row count).
  double client_train_loss_sum(const learning::Model& model, std::size_t k) const;
  // The sample-weighted mean over clients of those sums.
  double mean_train_loss(const std::vector<double>& weighted) const;
  std::vector<double> client_train_rows() const;  // each client's training rows, as sizes
  void set_initial();
  void wait_for_data() const;

  scenario::FederatedSpec spec_;
  FederationShape shape_;
  FederationData data_;  // written by the data thread until data_ready_ is ready
  std::uint64_t seed_;
  std::unique_ptr<learning::Model> global_;
  std::int64_t parameter_count_ = 0;
  std::unique_ptr<Aggregator> aggregator_;
  std::unique_ptr<ServerOptimizer> server_;
  std::unique_ptr<Compressor> compressor_;
  std::unique_ptr<RdpAccountant> accountant_;
  std::uint64_t noise_draws_ = 0;
  int deployed_version_ = 0;
  double deployed_accuracy_ = 0;
  int version_ = 0;
  Snapshot snapshot_;
  std::vector<ClientUpdate> buffer_;
  std::vector<double> buffer_staleness_;
  bool deferring_ = false;  // defer_train_loss
  int owed_round_ = 0;      // the round whose train loss the current global model owes (0: none)
  std::map<int, double> settled_train_loss_;  // deferred train losses, by round
  RoundMetrics initial_;                      // the untrained model, evaluated with the data
  std::unique_ptr<learning::Model> initial_model_;
  // The data thread's completion (invalid without one). Last, so it is waited for before the
  // members the data thread writes are destroyed.
  std::shared_future<void> data_ready_;
};

}  // namespace edgefleet::federated
