// Federated data built beside the simulation: the shape predicted without building the data, and a
// trainer fed by a background source behaving exactly like one given the data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

#include "federated/federation_data.hpp"
#include "federated/trainer.hpp"

namespace edgefleet::federated {
namespace {

scenario::FederatedSpec synthetic(int clients, int cap, double train_fraction, bool iid) {
  scenario::FederatedSpec f;
  f.enabled = true;
  f.clients = clients;
  f.clients_per_round = clients;
  f.dataset.kind = "synthetic";
  f.dataset.max_samples_per_client = cap;
  f.dataset.train_fraction = train_fraction;
  f.dataset.iid = iid;
  f.evaluate_train_loss = true;
  return f;
}

TEST(PredictShape, SyntheticShapeIsTheBuiltDatasShape) {
  // Uncapped counts reach the lognormal tail; 0.75 and 0.9 split rows differently (floor).
  for (const auto& f : {synthetic(40, 0, 0.9, false), synthetic(25, 120, 0.75, true)}) {
    const auto predicted = predict_shape(f, 11);
    ASSERT_TRUE(predicted.has_value());
    const FederationShape built = shape_of(make_federation_data(f, 11));
    EXPECT_EQ(predicted->train_samples, built.train_samples);
    EXPECT_EQ(predicted->input_dim, built.input_dim);
    EXPECT_EQ(predicted->num_classes, built.num_classes);
  }
}

TEST(PredictShape, FileDatasetsNeedTheirRows) {
  auto f = synthetic(10, 0, 0.9, false);
  f.dataset.kind = "csv";
  EXPECT_FALSE(predict_shape(f, 1).has_value());
}

// File datasets hold each held-out row once, in the validation set, clients in order.
TEST(FederationData, FileDatasetsKeepHeldOutRowsOnlyInValidation) {
  const auto csv = std::filesystem::temp_directory_path() /
                   ("edgefleet_heldout_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(csv);
    for (int i = 0; i < 200; ++i) out << i << "," << (i % 7) * 0.5 << "," << i % 3 << "\n";
  }
  auto f = synthetic(8, 0, 0.75, false);
  f.dataset.kind = "csv";
  f.dataset.path = csv.string();
  f.dataset.partition = "iid";
  const FederationData data = make_federation_data(f, 5);
  std::filesystem::remove(csv);
  std::size_t train_rows = 0;
  for (const auto& c : data.clients) {
    EXPECT_EQ(c.test.size(), 0u);
    EXPECT_EQ(c.test.dim(), 2);
    train_rows += c.train.size();
  }
  EXPECT_EQ(train_rows + data.validation.size(), 200u);
  EXPECT_GT(data.validation.size(), 40u);  // a quarter of each client's 25 rows, rounded
  EXPECT_EQ(data.validation.dim(), 2);
  EXPECT_EQ(data.validation.num_classes, 3);
  // Every row's first column is its line number: each appears once, in training or validation.
  std::vector<int> seen(200, 0);
  auto mark = [&](const learning::Dataset& d) {
    for (Eigen::Index r = 0; r < d.features.rows(); ++r) {
      // standardised: undo with the column's known mean (99.5) and population s.d.
      const double line = d.features(r, 0) * std::sqrt((200.0 * 200.0 - 1) / 12.0) + 99.5;
      ++seen[static_cast<std::size_t>(std::lround(line))];
    }
  };
  for (const auto& c : data.clients) mark(c.train);
  mark(data.validation);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 200);
}

TEST(DeferredData, RoundsMatchATrainerGivenTheData) {
  const auto f = synthetic(12, 200, 0.9, false);
  FederatedTrainer given(f, make_federation_data(f, 5), 5);
  FederatedTrainer deferred(
      f, *predict_shape(f, 5), [&f] { return make_federation_data(f, 5); }, 5);
  // Planning needs only the shape: the same tasks, whether or not the data exists yet.
  std::vector<ClientTask> done;
  for (int k = 0; k < 12; ++k) {
    const ClientTask a = given.plan(k, 1), b = deferred.plan(k, 1);
    EXPECT_EQ(a.samples, b.samples);
    EXPECT_EQ(a.train_flops, b.train_flops);
    done.push_back(a);
  }
  EXPECT_EQ(given.initial_metrics().test_loss, deferred.initial_metrics().test_loss);
  for (int round = 1; round <= 2; ++round) {
    const RoundMetrics a = given.aggregate_round(round, done, {});
    const RoundMetrics b = deferred.aggregate_round(round, done, {});
    EXPECT_EQ(a.train_loss, b.train_loss);  // bit for bit: the same data, the same operations
    EXPECT_EQ(a.test_accuracy, b.test_accuracy);
  }
  EXPECT_EQ(given.global_model().parameters(), deferred.global_model().parameters());
}

TEST(DeferredData, ASourceErrorReachesWhoeverNeedsTheData) {
  const auto f = synthetic(4, 100, 0.9, false);
  FederatedTrainer t(
      f, *predict_shape(f, 2),
      []() -> FederationData { throw std::runtime_error("dataset went away"); }, 2);
  EXPECT_EQ(t.client_count(), 4u);  // the shape is there regardless
  EXPECT_THROW(t.initial_metrics(), std::runtime_error);
  EXPECT_THROW(t.aggregate_round(1, {t.plan(0, 1)}, {}), std::runtime_error);
}

TEST(DeferredData, DataThatBreaksItsPredictedShapeIsRejected) {
  const auto f = synthetic(6, 100, 0.9, false);
  FederationShape wrong = *predict_shape(f, 3);
  wrong.train_samples[2] += 1;
  FederatedTrainer t(
      f, wrong, [&f] { return make_federation_data(f, 3); }, 3);
  EXPECT_THROW(t.data(), std::logic_error);
}

}  // namespace
}  // namespace edgefleet::federated
