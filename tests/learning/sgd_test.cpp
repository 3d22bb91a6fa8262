#include "learning/sgd.hpp"

#include <gtest/gtest.h>

#include "learning/mlp_model.hpp"
#include "learning/softmax_model.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::random_dataset;

TEST(LearningSgd, FullBatchHeavyBallFollowsTheRecurrence) {
  // With one batch holding every row the shuffle cannot change the gradient (up to summation
  // order), so k steps must match v_k = m v_{k-1} + g(w_{k-1}), w_k = w_{k-1} - lr v_k, with
  // v_0 = 0, computed here step by step from full gradients.
  const Dataset data = random_dataset(30, 4, 3, 31);
  const double lr = 0.3, momentum = 0.8;
  const int steps = 6;
  MlpModel trained(4, {5}, 3, 32);
  auto reference = trained.clone();
  Eigen::VectorXd v = Eigen::VectorXd::Zero(trained.parameter_count());
  Eigen::VectorXd w = reference->parameters();
  for (int k = 0; k < steps; ++k) {
    v = momentum * v + reference->gradient(data);
    w -= lr * v;
    reference->set_parameters(w);
  }
  SgdConfig config;
  config.learning_rate = lr;
  config.batch_size = 30;
  config.local_epochs = steps;
  config.momentum = momentum;
  core::Rng rng(33);
  train_local(trained, data, config, rng);
  EXPECT_LT((trained.parameters() - w).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(LearningSgd, MomentumZeroIsPlainSgdAndMomentumChangesTheTrajectory) {
  const Dataset data = random_dataset(50, 4, 3, 34);
  SgdConfig plain{0.2, 5, 3, 0, 0};
  SgdConfig heavy = plain;
  heavy.momentum = 0.9;
  SoftmaxModel a(4, 3), b(4, 3);
  core::Rng r1(35), r2(35);
  train_local(a, data, plain, r1);
  train_local(b, data, heavy, r2);
  EXPECT_GT((a.parameters() - b.parameters()).norm(), 1e-6);
  // With momentum 0 a single full-batch step is w - lr g (the double gradient here; training runs
  // in float32, so to float rounding).
  SoftmaxModel c(4, 3);
  const Eigen::VectorXd expected = c.parameters() - 0.2 * c.gradient(data);
  core::Rng r3(36);
  train_local(c, data, {0.2, 50, 1, 0, 0}, r3);
  EXPECT_LT((c.parameters() - expected).cwiseAbs().maxCoeff(), 1e-6);
}

TEST(LearningSgd, DeterministicPerRngAndCountsSamples) {
  // 53 rows, batch 10: 6 batches per epoch, the last of 3 rows; 4 epochs = 212 samples.
  const Dataset data = random_dataset(53, 5, 4, 37);
  SgdConfig config{0.1, 10, 4, 1e-3, 0, 0.5};
  MlpModel a(5, {6}, 4, 38), b(5, {6}, 4, 38), c(5, {6}, 4, 38);
  core::Rng r1(39), r2(39), r3(40);
  const LocalTrainResult ra = train_local(a, data, config, r1);
  train_local(b, data, config, r2);
  train_local(c, data, config, r3);
  EXPECT_EQ(a.parameters(), b.parameters());
  EXPECT_NE(a.parameters(), c.parameters());
  EXPECT_EQ(ra.samples_processed, 212u);
  EXPECT_EQ(ra.epochs_run, 4);
  // A straggler's explicit epoch count overrides the config.
  core::Rng r4(39);
  const LocalTrainResult straggler = train_local(c, data, config, r4, nullptr, 1);
  EXPECT_EQ(straggler.samples_processed, 53u);
  EXPECT_EQ(straggler.epochs_run, 1);
}

TEST(LearningSgd, EmptyDataAndBadBatchSize) {
  Dataset empty;
  empty.num_classes = 3;
  empty.features.resize(0, 4);
  SoftmaxModel m(4, 3);
  core::Rng rng(1);
  EXPECT_EQ(train_local(m, empty, {}, rng).samples_processed, 0u);
  EXPECT_THROW(train_local(m, random_dataset(5, 4, 3, 2), {0.1, 0, 1, 0, 0}, rng),
               std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::learning
