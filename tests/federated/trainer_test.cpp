// FederatedTrainer: the numerics of rounds without the simulator (which decides who finishes).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "core/rng.hpp"
#include "federated/attacks.hpp"
#include "federated/client_selection.hpp"
#include "federated/trainer.hpp"

namespace edgefleet::federated {
namespace {

scenario::FederatedSpec synthetic_spec(int clients, int per_round) {
  scenario::FederatedSpec f;
  f.enabled = true;
  f.clients = clients;
  f.clients_per_round = per_round;
  f.dataset.kind = "synthetic";
  f.dataset.max_samples_per_client = 400;
  f.evaluate_train_loss = true;
  return f;
}

FederatedTrainer make_trainer(const scenario::FederatedSpec& f, std::uint64_t seed) {
  return FederatedTrainer(f, make_federation_data(f, seed), seed);
}

// `rounds` rounds of `per_round` clients drawn uniformly, as the simulator's rounds would run when
// every client reports in time (a straggler under the drop policy never does). `on_round` sees
// each round's metrics.
template <typename OnRound>
void run_uniform_rounds(FederatedTrainer& t, int per_round, int rounds, std::uint64_t seed,
                        OnRound on_round) {
  auto selector = make_client_selector("uniform", nlohmann::json::object(), "/s", "/p");
  core::Rng rng = core::make_stream(seed, core::StreamPurpose::kFederatedSelection, 0);
  std::vector<ClientObservation> all;
  for (std::int64_t k = 0; k < static_cast<std::int64_t>(t.client_count()); ++k)
    all.push_back({k, true, 1.0, 1e9, t.train_samples(k)});
  for (int round = 1; round <= rounds; ++round) {
    std::vector<ClientTask> done;
    for (auto c : selector->select(all, static_cast<std::size_t>(per_round), rng).clients) {
      const ClientTask task = t.plan(c, round);
      if (!task.discard) done.push_back(task);
    }
    on_round(round, t.aggregate_round(round, done, {}));
  }
}

// The untrained model's train loss is left out of initial_metrics (a run shows it only when no
// round completes) and computed on demand from the initial model, even after rounds moved on.
TEST(FederatedTrainer, InitialTrainLossIsTheUntrainedModelsAndComputedOnDemand) {
  const auto f = synthetic_spec(6, 6);
  auto t = make_trainer(f, 5);
  double total = 0, rows = 0;
  for (const auto& client : t.data().clients) {
    total += t.global_model().loss(client.train) * static_cast<double>(client.train.size());
    rows += static_cast<double>(client.train.size());
  }
  EXPECT_TRUE(std::isnan(t.initial_metrics().train_loss));
  run_uniform_rounds(t, 6, 2, 5,
                     [](int, const RoundMetrics& m) { EXPECT_FALSE(std::isnan(m.train_loss)); });
  EXPECT_NE(t.global_model().parameters(), make_trainer(f, 5).global_model().parameters());
  EXPECT_DOUBLE_EQ(t.initial_train_loss(), total / rows);

  auto without = f;
  without.evaluate_train_loss = false;
  EXPECT_TRUE(std::isnan(make_trainer(without, 5).initial_train_loss()));
}

// Deferred train losses (the simulator's sync rounds) are the bits computed at once: 4 of 9
// clients a round (the other 5 evaluated after training), a hierarchical round, a round nobody
// finished (the model stays; its loss is owed again) and the last round's, settled at the end.
TEST(FederatedTrainer, DeferredTrainLossesAreTheImmediateOnes) {
  const auto f = synthetic_spec(9, 4);
  auto now = make_trainer(f, 8);
  auto later = make_trainer(f, 8);
  later.defer_train_loss();
  const std::vector<std::vector<std::int64_t>> rounds = {
      {0, 3, 5, 8}, {1, 2, 3, 4}, {}, {6, 7, 0, 2}};
  std::vector<double> immediate;
  for (int round = 1; round <= static_cast<int>(rounds.size()); ++round) {
    std::vector<ClientTask> done;
    for (std::int64_t k : rounds[static_cast<std::size_t>(round - 1)])
      done.push_back(now.plan(k, round));
    const std::vector<int> group = round == 2 ? std::vector<int>{0, 1, 1, 0} : std::vector<int>{};
    const RoundMetrics a = now.aggregate_round(round, done, group);
    const RoundMetrics b = later.aggregate_round(round, done, group);
    ASSERT_FALSE(std::isnan(a.train_loss));
    EXPECT_TRUE(std::isnan(b.train_loss)) << round;
    EXPECT_EQ(a.test_loss, b.test_loss) << round;
    immediate.push_back(a.train_loss);
  }
  EXPECT_EQ(immediate[2], immediate[1]);  // nobody finished round 3: the same model
  const std::map<int, double> deferred = later.settle_train_losses();
  ASSERT_EQ(deferred.size(), rounds.size());
  for (int round = 1; round <= static_cast<int>(rounds.size()); ++round)
    EXPECT_EQ(deferred.at(round), immediate[static_cast<std::size_t>(round - 1)]) << round;
  EXPECT_EQ(later.settle_train_losses(), deferred);  // nothing more owed
}

// Without the train loss in the spec there is nothing to defer.
TEST(FederatedTrainer, NoTrainLossNothingDeferred) {
  auto f = synthetic_spec(4, 4);
  f.evaluate_train_loss = false;
  auto t = make_trainer(f, 2);
  t.defer_train_loss();
  std::vector<ClientTask> done;
  for (int k = 0; k < 4; ++k) done.push_back(t.plan(k, 1));
  EXPECT_TRUE(std::isnan(t.aggregate_round(1, done, {}).train_loss));
  EXPECT_TRUE(t.settle_train_losses().empty());
}

TEST(FederatedTrainer, HierarchicalFedAvgEqualsFlatFedAvg) {
  // Sample-weighted means compose: averaging fogs weighted by their clients' samples is the flat
  // sample-weighted mean. So a hierarchical round must land on the same model.
  const auto f = synthetic_spec(6, 6);
  auto flat = make_trainer(f, 3);
  auto tiered = make_trainer(f, 3);
  std::vector<ClientTask> done;
  for (int k = 0; k < 6; ++k) done.push_back(flat.plan(k, 1));
  flat.aggregate_round(1, done, {});
  tiered.aggregate_round(1, done, {0, 0, 1, 1, 1, 2});
  const Eigen::VectorXd diff =
      flat.global_model().parameters() - tiered.global_model().parameters();
  EXPECT_LT(diff.lpNorm<Eigen::Infinity>(), 1e-12);
  EXPECT_GT(flat.global_model().parameters().norm(), 0);
}

TEST(FederatedTrainer, StragglerPlansFollowTheFractionAndStayWithinOneToEEpochs) {
  auto f = synthetic_spec(200, 10);
  f.local.local_epochs = 20;
  f.stragglers.fraction = 0.3;
  f.stragglers.policy = "partial";
  auto t = make_trainer(f, 5);
  int stragglers = 0, plans = 0;
  for (int round = 1; round <= 10; ++round) {
    for (int k = 0; k < 200; ++k, ++plans) {
      const ClientTask task = t.plan(k, round);
      EXPECT_FALSE(task.discard);
      if (!task.straggler) {
        EXPECT_EQ(task.epochs, 20);
        continue;
      }
      ++stragglers;
      EXPECT_GE(task.epochs, 1);
      EXPECT_LE(task.epochs, 20);
      // Work = samples x epochs x (forward + backward) of d = 60, C = 10 logistic regression.
      EXPECT_DOUBLE_EQ(task.train_flops, task.samples * task.epochs * 2 * (2 * 60 * 10 + 10));
    }
  }
  // 2000 Bernoulli(0.3) draws: standard deviation ~ 0.0102; allow 4 sigma.
  EXPECT_NEAR(static_cast<double>(stragglers) / plans, 0.3, 0.041);
}

TEST(FederatedTrainer, DeploysOnlyImprovementsAndSpendsPrivacyEveryRound) {
  auto f = synthetic_spec(20, 5);
  f.privacy.clip_norm = 1.0;
  f.privacy.noise_multiplier = 1.0;
  f.aggregator.name = "mean";
  auto t = make_trainer(f, 9);
  double best = t.initial_metrics().test_accuracy, last_epsilon = 0;
  run_uniform_rounds(t, 5, 8, 9, [&](int round, const RoundMetrics& m) {
    EXPECT_EQ(m.deployed, m.test_accuracy > best) << "round " << round;
    best = std::max(best, m.test_accuracy);
    EXPECT_DOUBLE_EQ(m.deployed_accuracy, best);
    EXPECT_GT(m.epsilon, last_epsilon);
    last_epsilon = m.epsilon;
  });
}

// 40 % of the clients send their update sign-flipped and scaled by 10, a model-poisoning attack,
// on Synthetic(0,0). Attackers are Bernoulli(0.4) draws per client, so a seed's actual count
// varies (6 to 17 of 30 over seeds 1-5); each seed first checks that it drew a substantial attack
// (20-60 %), so a change in the draws shows up as that and not as an accuracy failure. The
// coordinate-wise median keeps learning; the plain mean is dragged below the untrained model.
// Asserted on 5 seeds, with margins every seed clears (before this, one seed with a tighter
// margin made the test depend on the data generator's exact draws).
struct AttackOutcome {
  double initial, final;
};

scenario::FederatedSpec attack_spec(const std::string& aggregator) {
  auto f = synthetic_spec(30, 30);
  f.dataset.alpha = f.dataset.beta = 0;
  f.local.learning_rate = 0.05;
  f.local.local_epochs = 2;
  f.aggregator.name = aggregator;
  f.attack.kind = "sign_flip";
  f.attack.fraction = 0.4;
  f.attack.scale = 10;
  return f;
}

AttackOutcome accuracy_under_attack(const std::string& aggregator, std::uint64_t seed) {
  auto t = make_trainer(attack_spec(aggregator), seed);
  for (int round = 1; round <= 10; ++round) {
    std::vector<ClientTask> all;
    for (int k = 0; k < 30; ++k) all.push_back(t.plan(k, round));
    t.aggregate_round(round, all, {});
  }
  return {t.initial_metrics().test_accuracy, t.global_model().accuracy(t.data().validation)};
}

TEST(FederatedTrainer, MedianResistsSignFlippingAttackersAndTheMeanDoesNot) {
  for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
    int attackers = 0;
    for (int k = 0; k < 30; ++k) attackers += is_attacker(attack_spec("median").attack, k, seed);
    ASSERT_GE(attackers, 6) << "seed " << seed;
    ASSERT_LE(attackers, 18) << "seed " << seed;
    const AttackOutcome median = accuracy_under_attack("median", seed);
    const AttackOutcome mean = accuracy_under_attack("mean", seed);
    EXPECT_GT(median.final, median.initial + 0.05) << "seed " << seed;
    EXPECT_LT(mean.final, mean.initial) << "seed " << seed;
    EXPECT_GT(median.final, mean.final + 0.1) << "seed " << seed;
  }
}

// The FedProx paper (Li et al. 2020, figure 1): Synthetic(1,1), 30 devices, 10 a round, E = 20,
// lr 0.01, batch 10, 90 % stragglers. FedAvg drops the stragglers; FedProx (mu = 1) keeps their
// partial work and ends with a lower training loss. Asserted on 3 seeds.
double final_train_loss(std::uint64_t seed, bool fedprox, int rounds) {
  auto f = synthetic_spec(30, 10);
  f.dataset.max_samples_per_client = 0;  // the paper's uncapped lognormal sample counts
  f.local.local_epochs = 20;
  f.local.batch_size = 10;
  f.local.learning_rate = 0.01;
  f.local.prox_mu = fedprox ? 1.0 : 0.0;
  f.stragglers.fraction = 0.9;
  f.stragglers.policy = fedprox ? "partial" : "drop";
  auto t = make_trainer(f, seed);
  double loss = 0;
  run_uniform_rounds(t, 10, rounds, seed, [&](int, const RoundMetrics& m) { loss = m.train_loss; });
  return loss;
}

TEST(FederatedTrainer, FedProxBeatsFedAvgWithNinetyPercentStragglers) {
  for (std::uint64_t seed : {1, 2, 3}) {
    const double fedavg = final_train_loss(seed, false, 20);
    const double fedprox = final_train_loss(seed, true, 20);
    EXPECT_LT(fedprox, fedavg) << "seed " << seed;
    EXPECT_TRUE(std::isfinite(fedprox)) << "seed " << seed;
  }
}

}  // namespace
}  // namespace edgefleet::federated
