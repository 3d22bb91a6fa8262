#include "federated/trainer.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

#include "core/parallel_for.hpp"
#include "core/random_draws.hpp"
#include "federated/attacks.hpp"
#include "federated/compression.hpp"
#include "federated/privacy.hpp"
#include "federated/server_optimizer.hpp"
#include "learning/model_factory.hpp"
#include "learning/sgd.hpp"

namespace edgefleet::federated {

FederatedTrainer::FederatedTrainer(const scenario::FederatedSpec& spec, FederationData data,
                                   std::uint64_t seed)
    : FederatedTrainer(spec, shape_of(data), nullptr, seed) {
  data_ = std::move(data);
  set_initial();
}

FederatedTrainer::FederatedTrainer(const scenario::FederatedSpec& spec, FederationShape shape,
                                   std::function<FederationData()> source, std::uint64_t seed)
    : spec_(spec), shape_(std::move(shape)), seed_(seed) {
  learning::ModelArchitecture arch;
  arch.kind = spec.model_kind;
  arch.hidden = spec.hidden_layers;
  global_ = learning::make_model(arch, shape_.input_dim, shape_.num_classes, seed);
  parameter_count_ = static_cast<std::int64_t>(global_->parameter_count());
  aggregator_ = make_aggregator(spec.aggregator.name, spec.aggregator.params,
                                "/federated/aggregator/name", "/federated/aggregator/params");
  server_ = make_server_optimizer(spec.server_optimizer.name, spec.server_optimizer.params,
                                  "/federated/server_optimizer/name",
                                  "/federated/server_optimizer/params");
  compressor_ = make_compressor(spec.compression.name, spec.compression.params,
                                "/federated/compression/name", "/federated/compression/params");
  if (spec.privacy.noise_multiplier > 0) {
    const double q =
        static_cast<double>(spec.clients_per_round) / static_cast<double>(spec.clients);
    accountant_ = std::make_unique<RdpAccountant>(q, spec.privacy.noise_multiplier);
  }
  snapshot_ = std::make_shared<const Eigen::VectorXd>(global_->parameters());
  if (!source) return;  // the data constructor fills the data itself
  data_ready_ =
      std::async(std::launch::async, [this, source = std::move(source)] {
        data_ = source();
        const FederationShape built = shape_of(data_);
        if (built.train_samples != shape_.train_samples || built.input_dim != shape_.input_dim ||
            built.num_classes != shape_.num_classes)
          throw std::logic_error("federated data differs from its predicted shape");
        set_initial();
      }).share();
}

void FederatedTrainer::set_initial() {
  // The untrained model's train loss shows only when no round completes: a pass over every
  // client's data (a sixth of a 5-round run's evaluation), so it is computed on demand.
  initial_ = evaluate_model(*global_, /*with_train_loss=*/false);
  initial_model_ = global_->clone();
  deployed_accuracy_ = initial_.test_accuracy;
  initial_.deployed_accuracy = deployed_accuracy_;
}

void FederatedTrainer::wait_for_data() const {
  // No data thread when the data came with the constructor.
  if (data_ready_.valid()) data_ready_.get();  // rethrows what the data thread threw
}

const FederationData& FederatedTrainer::data() const {
  wait_for_data();
  return data_;
}

RoundMetrics FederatedTrainer::initial_metrics() const {
  wait_for_data();
  return initial_;
}

double FederatedTrainer::initial_train_loss() const {
  wait_for_data();
  return spec_.evaluate_train_loss ? train_loss(*initial_model_)
                                   : std::numeric_limits<double>::quiet_NaN();
}

FederatedTrainer::~FederatedTrainer() = default;

double FederatedTrainer::train_samples(std::int64_t client) const {
  return shape_.train_samples[static_cast<std::size_t>(client)];
}

double FederatedTrainer::download_bytes() const {
  return static_cast<double>(parameter_count()) * spec_.bytes_per_parameter;
}

double FederatedTrainer::upload_bytes() const {
  return compressor_->wire_bytes(parameter_count_);
}

ClientTask FederatedTrainer::plan(std::int64_t client, int round) const {
  ClientTask t;
  t.client = client;
  t.epochs = spec_.local.local_epochs;
  t.samples = train_samples(client);
  core::Rng rng = core::make_stream(
      seed_, core::StreamPurpose::kStragglers,
      static_cast<std::uint64_t>(round) * static_cast<std::uint64_t>(client_count()) +
          static_cast<std::uint64_t>(client));
  if (spec_.stragglers.fraction > 0 && core::uniform01(rng) < spec_.stragglers.fraction) {
    // FedProx section 5.2: a straggler can do only x ~ U{1..E} epochs this round. FedAvg drops it
    // (it trains, then misses the round); FedProx accepts its partial work.
    t.straggler = true;
    t.epochs = 1 + static_cast<int>(core::uniform01(rng) * spec_.local.local_epochs);
    t.discard = spec_.stragglers.policy == "drop";
  }
  t.train_flops = t.samples * t.epochs * global_->flops_per_training_sample();
  return t;
}

ClientUpdate FederatedTrainer::train_client(const ClientTask& task, const Eigen::VectorXd& start,
                                            std::uint64_t stream_id) const {
  const auto& client = data_.clients[static_cast<std::size_t>(task.client)];
  std::unique_ptr<learning::Model> local = global_->clone();
  local->set_parameters(start);
  core::Rng rng = core::make_stream(seed_, core::StreamPurpose::kTraining, stream_id);
  learning::SgdConfig sgd = spec_.local;
  sgd.report_final_loss = false;  // rounds evaluate the global model, not each local one
  learning::train_local(*local, client.train, sgd, rng, sgd.prox_mu > 0 ? &start : nullptr,
                        task.epochs);
  ClientUpdate u;
  u.client_id = task.client;
  u.num_samples = task.samples;
  u.delta = local->parameters() - start;
  const AttackSpec& attack = spec_.attack;
  if (attack.kind != "none" && is_attacker(attack, task.client, seed_)) {
    core::Rng attack_rng = core::make_stream(seed_, core::StreamPurpose::kAttacks, stream_id);
    apply_attack(attack, u.delta, attack_rng);
  }
  if (spec_.privacy.clip_norm > 0) clip_l2(u.delta, spec_.privacy.clip_norm);
  u.delta = compressor_->compress(u.delta).decoded;
  return u;
}

RoundMetrics FederatedTrainer::aggregate_round(int round, const std::vector<ClientTask>& done,
                                               const std::vector<int>& group) {
  wait_for_data();
  std::vector<ClientUpdate> updates(done.size());
  const Eigen::VectorXd start = global_->parameters();
  const auto clients = static_cast<std::uint64_t>(client_count());
  // The train loss owed for the current global model (the previous round's), client by client:
  // a client that trains now is evaluated just before, so its rows are still in cache when it
  // trains; the others are evaluated after.
  const bool settling = owed_round_ > 0;
  std::vector<double> loss_sums(settling ? data_.clients.size() : 0, 0.0);
  std::vector<char> evaluated(loss_sums.size(), 0);
  core::parallel_for(done.size(), [&](std::size_t i) {
    const auto k = static_cast<std::size_t>(done[i].client);
    if (settling) {
      loss_sums[k] = client_train_loss_sum(*global_, k);
      evaluated[k] = 1;  // a client trains at most once a round: no other thread writes k
    }
    updates[i] = train_client(
        done[i], start,
        static_cast<std::uint64_t>(round) * clients + static_cast<std::uint64_t>(done[i].client));
  });
  if (settling) {
    std::vector<double> rest_rows = client_train_rows();
    for (std::size_t k = 0; k < rest_rows.size(); ++k)
      if (evaluated[k]) rest_rows[k] = 0;
    core::parallel_for_largest_first(rest_rows, [&](std::size_t k) {
      if (!evaluated[k]) loss_sums[k] = client_train_loss_sum(*global_, k);
    });
    settled_train_loss_[owed_round_] = mean_train_loss(loss_sums);
    owed_round_ = 0;
  }
  if (deferring_) owed_round_ = round;  // whatever model this round leaves
  if (updates.empty()) return step_and_evaluate(Eigen::VectorXd(), 0);
  try {
    if (group.empty()) return step_and_evaluate(aggregator_->aggregate(updates), updates.size());
    // Hierarchical: the same rule at the fogs, then at the cloud over the fogs' results.
    std::map<int, std::vector<ClientUpdate>> by_fog;
    for (std::size_t i = 0; i < updates.size(); ++i) by_fog[group[i]].push_back(updates[i]);
    std::vector<ClientUpdate> fog_updates;
    for (auto& [fog, members] : by_fog) {
      ClientUpdate f;
      f.client_id = fog;
      for (const auto& m : members) f.num_samples += m.num_samples;
      f.delta = aggregator_->aggregate(members);
      fog_updates.push_back(std::move(f));
    }
    return step_and_evaluate(aggregator_->aggregate(fog_updates), updates.size());
  } catch (const std::invalid_argument&) {
    // Too few updates for the rule's bounds (e.g. Krum needs n > 2f + 2): the round is lost.
    return step_and_evaluate(Eigen::VectorXd(), 0);
  }
}

std::optional<RoundMetrics> FederatedTrainer::arrive_async(const ClientTask& task,
                                                           const Snapshot& start, int start_version,
                                                           std::uint64_t arrival_index) {
  wait_for_data();
  ClientUpdate u = train_client(task, *start, arrival_index);
  const double staleness = version_ - start_version;
  u.delta *= std::pow(1.0 + staleness, -spec_.staleness_exponent);
  buffer_.push_back(std::move(u));
  buffer_staleness_.push_back(staleness);
  if (static_cast<int>(buffer_.size()) < spec_.buffer_size) return std::nullopt;
  double staleness_sum = 0;
  for (double s : buffer_staleness_) staleness_sum += s;
  RoundMetrics m;
  try {
    m = step_and_evaluate(aggregator_->aggregate(buffer_), buffer_.size());
  } catch (const std::invalid_argument&) {
    m = step_and_evaluate(Eigen::VectorXd(), 0);
  }
  m.mean_staleness = staleness_sum / static_cast<double>(buffer_staleness_.size());
  buffer_.clear();
  buffer_staleness_.clear();
  return m;
}

RoundMetrics FederatedTrainer::step_and_evaluate(Eigen::VectorXd aggregated_delta,
                                                 std::size_t aggregated) {
  if (aggregated > 0) {
    if (spec_.privacy.noise_multiplier > 0) {
      // DP-FedAvg (McMahan et al. 2018): noise on the mean of clipped updates, std sigma C / m.
      core::Rng rng = core::make_stream(seed_, core::StreamPurpose::kPrivacyNoise, noise_draws_++);
      dp_fedavg_noise(aggregated_delta, spec_.privacy.clip_norm, spec_.privacy.noise_multiplier,
                      aggregated, rng);
    }
    Eigen::VectorXd params = global_->parameters();
    server_->apply(params, aggregated_delta);
    global_->set_parameters(params);
    ++version_;
    snapshot_ = std::make_shared<const Eigen::VectorXd>(global_->parameters());
  }
  // The accountant counts every round the mechanism ran, even one whose updates were all lost.
  if (accountant_) accountant_->step();
  RoundMetrics m = evaluate();
  m.aggregated = aggregated;
  m.model_updated = aggregated > 0;
  if (m.model_updated && m.test_accuracy > deployed_accuracy_) {
    m.deployed = true;
    deployed_version_ = version_;
    deployed_accuracy_ = m.test_accuracy;
  }
  m.deployed_version = deployed_version_;
  m.deployed_accuracy = deployed_accuracy_;
  return m;
}

RoundMetrics FederatedTrainer::evaluate() const {
  // A sync round's train loss, when deferred, comes later (settle_train_losses).
  return evaluate_model(*global_, spec_.evaluate_train_loss && owed_round_ == 0);
}

void FederatedTrainer::defer_train_loss() {
  deferring_ = spec_.evaluate_train_loss;
}

std::map<int, double> FederatedTrainer::settle_train_losses() {
  if (owed_round_ > 0) {
    wait_for_data();
    settled_train_loss_[owed_round_] = train_loss(*global_);
    owed_round_ = 0;
  }
  return settled_train_loss_;
}

RoundMetrics FederatedTrainer::evaluate_model(const learning::Model& model,
                                              bool with_train_loss) const {
  // The validation set and every client's training rows in one parallel loop: the validation set
  // is one item (its loss is a sum in row order, kept whole), handed out first as the largest,
  // so no core waits while it runs alone.
  std::vector<double> rows = with_train_loss ? client_train_rows() : std::vector<double>{};
  const std::size_t clients = rows.size();
  rows.push_back(static_cast<double>(data_.validation.size()));  // item `clients`
  std::vector<double> weighted(clients, 0.0);
  learning::Model::LossAndAccuracy validation{};
  core::parallel_for_largest_first(rows, [&](std::size_t k) {
    if (k == clients) {
      if (data_.validation.size() > 0) validation = model.loss_and_accuracy(data_.validation);
    } else {
      weighted[k] = client_train_loss_sum(model, k);
    }
  });
  RoundMetrics m;
  if (data_.validation.size() > 0) {
    m.test_loss = validation.loss;
    m.test_accuracy = validation.accuracy;
  }
  if (with_train_loss) m.train_loss = mean_train_loss(weighted);
  if (accountant_) m.epsilon = accountant_->epsilon(spec_.privacy.delta);
  return m;
}

double FederatedTrainer::client_train_loss_sum(const learning::Model& model, std::size_t k) const {
  const auto& train = data_.clients[k].train;
  return train.size() > 0 ? model.loss(train) * static_cast<double>(train.size()) : 0.0;
}

double FederatedTrainer::mean_train_loss(const std::vector<double>& weighted) const {
  double total = 0, samples = 0;
  for (std::size_t k = 0; k < weighted.size(); ++k) {
    total += weighted[k];
    samples += static_cast<double>(data_.clients[k].train.size());
  }
  return samples > 0 ? total / samples : 0.0;
}

double FederatedTrainer::train_loss(const learning::Model& model) const {
  std::vector<double> weighted(data_.clients.size(), 0.0);
  core::parallel_for_largest_first(
      client_train_rows(), [&](std::size_t k) { weighted[k] = client_train_loss_sum(model, k); });
  return mean_train_loss(weighted);
}

std::vector<double> FederatedTrainer::client_train_rows() const {
  std::vector<double> rows(data_.clients.size());
  for (std::size_t k = 0; k < rows.size(); ++k)
    rows[k] = static_cast<double>(data_.clients[k].train.size());
  return rows;
}

}  // namespace edgefleet::federated
