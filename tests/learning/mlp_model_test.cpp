#include "learning/mlp_model.hpp"

#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "learning/sgd.hpp"
#include "learning/softmax_model.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::random_dataset;
using testing::xor_dataset;

Eigen::VectorXd central_differences(const Model& m, const Dataset& data, double h) {
  const Eigen::VectorXd theta = m.parameters();
  Eigen::VectorXd numeric(theta.size());
  auto probe = m.clone();
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    Eigen::VectorXd shifted = theta;
    shifted(i) = theta(i) + h;
    probe->set_parameters(shifted);
    const double up = probe->loss(data);
    shifted(i) = theta(i) - h;
    probe->set_parameters(shifted);
    numeric(i) = (up - probe->loss(data)) / (2 * h);
  }
  return numeric;
}

TEST(LearningMlp, GradientMatchesCentralFiniteDifferences) {
  // Two hidden layers exercise the backward pass through ReLU twice. Central differences have
  // truncation error O(h^2) ~ 1e-10 and rounding ~ eps / h ~ 1e-11 at h = 1e-5.
  const Dataset data = random_dataset(30, 4, 3, 11);
  const MlpModel m(4, {6, 5}, 3, 12);
  const Eigen::VectorXd g = m.gradient(data);
  const Eigen::VectorXd numeric = central_differences(m, data, 1e-5);
  ASSERT_EQ(g.size(), numeric.size());
  const double relative = (g - numeric).norm() / std::max(g.norm(), numeric.norm());
  EXPECT_LT(relative, 1e-6);
  EXPECT_GT(g.norm(), 1e-3);  // a non-trivial gradient, not 0 = 0
}

TEST(LearningMlp, RowGradientAndBatchGradientAgree) {
  // gradient(data, rows) is the gradient on the subset; batch_gradient on the gathered rows is
  // the same computation through the allocation-free path, reused across differing batch sizes.
  const Dataset data = random_dataset(25, 5, 4, 13);
  const MlpModel m(5, {7}, 4, 14);
  const std::vector<std::size_t> rows{3, 17, 4, 4, 20, 0};
  const Eigen::VectorXd expected = m.gradient(subset(data, rows));
  EXPECT_LT((m.gradient(data, rows) - expected).cwiseAbs().maxCoeff(), 1e-14);

  GradientWorkspace ws;
  Eigen::VectorXd out;
  // Batches are double (the MLP's arithmetic); the float dataset widens exactly.
  m.batch_gradient(data.features.cast<double>(), data.labels, out, ws);  // a larger batch first
  const Dataset picked = subset(data, rows);
  m.batch_gradient(picked.features.cast<double>(), picked.labels, out, ws);
  EXPECT_LT((out - expected).cwiseAbs().maxCoeff(), 1e-14);
}

TEST(LearningMlp, WithoutHiddenLayersItIsLogisticRegression) {
  // Same flat layout [W (d x C) | b]: same loss, gradient and FLOPs for the same parameters.
  const Dataset data = random_dataset(40, 5, 3, 15);
  MlpModel mlp(5, {}, 3, 16);
  SoftmaxModel logistic(5, 3);
  logistic.set_parameters(mlp.parameters());
  EXPECT_NEAR(mlp.loss(data), logistic.loss(data), 1e-14);
  EXPECT_LT((mlp.gradient(data) - logistic.gradient(data)).cwiseAbs().maxCoeff(), 1e-14);
  EXPECT_EQ(mlp.flops_per_training_sample(), logistic.flops_per_training_sample());
}

TEST(LearningMlp, LossAndAccuracyInOnePassEqualTheSeparateCalls) {
  const Dataset data = random_dataset(1500, 6, 4, 18);  // more than one 1,024-row chunk
  const MlpModel mlp(6, {8}, 4, 19);
  const Model::LossAndAccuracy both = mlp.loss_and_accuracy(data);
  EXPECT_EQ(both.loss, mlp.loss(data));
  EXPECT_EQ(both.accuracy, mlp.accuracy(data));
  EXPECT_EQ(mlp.loss_and_accuracy(Dataset{}).loss, 0.0);
}

TEST(LearningMlp, HeInitialisationStatistics) {
  // 400 -> 300 -> 10: the first layer has 120,000 weights ~ N(0, sqrt(2/400) = 0.0707). The
  // sample mean has standard error 0.0707 / sqrt(120000) = 2.0e-4 (tolerance 5 SE = 1e-3); the
  // sample standard deviation has relative standard error 1 / sqrt(2 N) = 0.2 % (tolerance 1 %).
  const MlpModel m(400, {300}, 10, 17);
  const Eigen::VectorXd& theta = m.parameters();
  ASSERT_EQ(theta.size(), 400 * 300 + 300 + 300 * 10 + 10);
  const Eigen::VectorXd w0 = theta.head(400 * 300);
  const double mean = w0.mean();
  const double sd = std::sqrt((w0.array() - mean).square().sum() / (w0.size() - 1));
  EXPECT_NEAR(mean, 0, 1e-3);
  EXPECT_NEAR(sd, std::sqrt(2.0 / 400), 0.01 * std::sqrt(2.0 / 400));
  // Second layer: fan-in 300, 3,000 weights (relative SE of the sd 1.3 %, tolerance 5 %).
  const Eigen::VectorXd w1 = theta.segment(400 * 300 + 300, 300 * 10);
  const double sd1 = std::sqrt(w1.squaredNorm() / w1.size());
  EXPECT_NEAR(sd1, std::sqrt(2.0 / 300), 0.05 * std::sqrt(2.0 / 300));
  // Biases start at zero.
  EXPECT_EQ(theta.segment(400 * 300, 300).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(theta.tail(10).cwiseAbs().maxCoeff(), 0.0);
}

TEST(LearningMlp, InitialisationIsDeterministicPerSeed) {
  EXPECT_EQ(MlpModel(8, {4}, 3, 5).parameters(), MlpModel(8, {4}, 3, 5).parameters());
  EXPECT_NE(MlpModel(8, {4}, 3, 5).parameters(), MlpModel(8, {4}, 3, 6).parameters());
}

TEST(LearningMlp, SgdLearnsXor) {
  // XOR is not linearly separable; a 16-unit ReLU layer separates it. Loss must fall from its
  // initial value and training accuracy exceed 90 %.
  const Dataset data = xor_dataset(400, 18);
  MlpModel m(2, {16}, 2, 19);
  const double before = m.loss(data);
  core::Rng rng(20);
  SgdConfig config;
  config.learning_rate = 0.05;
  config.batch_size = 10;
  config.local_epochs = 100;
  config.momentum = 0.9;
  const LocalTrainResult r = train_local(m, data, config, rng);
  EXPECT_LT(r.final_train_loss, 0.5 * before);
  EXPECT_DOUBLE_EQ(r.final_train_loss, m.loss(data));
  EXPECT_GT(m.accuracy(data), 0.9);
}

TEST(LearningMlp, FlopsOfATwoLayerNetByHand) {
  // 784 -> 100 -> 10. Forward: layer 1 2*784*100 + 100 = 156,900; layer 2 2*100*10 + 10 = 2,010;
  // total 158,910. Backward: weight + bias gradients mirror the forward (158,910) plus the
  // gradient w.r.t. the hidden activations 2*100*10 = 2,000; training = 319,820.
  const MlpModel m(784, {100}, 10, 1);
  EXPECT_DOUBLE_EQ(m.flops_per_inference(), 158910.0);
  EXPECT_DOUBLE_EQ(m.flops_per_training_sample(), 319820.0);
  EXPECT_EQ(m.parameter_count(), 784 * 100 + 100 + 100 * 10 + 10);
  EXPECT_EQ(m.input_dim(), 784);
  EXPECT_EQ(m.num_classes(), 10);
}

TEST(LearningMlp, CloneIsIndependent) {
  const Dataset data = random_dataset(20, 3, 2, 21);
  MlpModel m(3, {4}, 2, 22);
  auto copy = m.clone();
  EXPECT_EQ(copy->parameters(), m.parameters());
  EXPECT_EQ(copy->loss(data), m.loss(data));
  copy->set_parameters(Eigen::VectorXd::Zero(m.parameter_count()));
  EXPECT_NE(copy->parameters(), m.parameters());
  EXPECT_NEAR(copy->loss(data), std::log(2.0), 1e-12);  // zero network: uniform outputs
}

TEST(LearningMlp, RejectsBadShapes) {
  EXPECT_THROW(MlpModel(3, {0}, 2, 1), std::invalid_argument);
  EXPECT_THROW(MlpModel(3, {4}, -1, 1), std::invalid_argument);
  MlpModel m(3, {4}, 2, 1);
  EXPECT_THROW(m.set_parameters(Eigen::VectorXd::Zero(3)), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::learning
