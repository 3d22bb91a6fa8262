// The pieces together on a real dataset: load, split, standardise, train, evaluate.
#include <filesystem>
#include <numeric>

#include <gtest/gtest.h>

#include "learning/csv_dataset.hpp"
#include "learning/model_factory.hpp"
#include "learning/partition.hpp"
#include "learning/sgd.hpp"

namespace edgefleet::learning {
namespace {

TEST(LearningEndToEnd, DigitsReachPublishedAccuracy) {
  // sklearn's 8 x 8 digits: linear models reach ~95-97 % held-out accuracy (chance is 10 %);
  // require 90 % of both a logistic regression and a one-hidden-layer MLP after 20 epochs.
  const std::string path = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not found";
  const Dataset pool = load_csv_dataset(path);
  Partition one_client(1, std::vector<std::size_t>(pool.size()));
  std::iota(one_client[0].begin(), one_client[0].end(), std::size_t{0});
  core::Rng rng(1);
  ClientData data = split_clients(pool, one_client, 0.8, rng)[0];
  standardize(data.train, data.test);
  for (const ModelArchitecture& arch : {ModelArchitecture{}, ModelArchitecture{"mlp", {64}}}) {
    auto model = make_model(arch, pool.dim(), pool.num_classes, 2);
    SgdConfig config;
    config.learning_rate = 0.05;
    config.local_epochs = 20;
    config.momentum = 0.5;
    const LocalTrainResult r = train_local(*model, data.train, config, rng);
    EXPECT_LT(r.final_train_loss, 0.2) << arch.kind;
    EXPECT_GT(model->accuracy(data.test), 0.9) << arch.kind;
  }
}

}  // namespace
}  // namespace edgefleet::learning
