#include "learning/softmax_model.hpp"

#include <gtest/gtest.h>

#include "core/random_draws.hpp"
#include "learning/sgd.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::random_dataset;

TEST(LearningSoftmax, GradientMatchesCentralFiniteDifferences) {
  const Dataset data = random_dataset(40, 5, 3, 1);
  SoftmaxModel m(5, 3);
  core::Rng rng(2);
  Eigen::VectorXd theta(m.parameter_count());
  for (Eigen::Index i = 0; i < theta.size(); ++i) theta(i) = core::draw_normal(rng, 0, 0.5);
  m.set_parameters(theta);
  const Eigen::VectorXd g = m.gradient(data);
  // The loss is evaluated in float32 (row_kernels.hpp, ~1e-7 relative), so the step is 1e-3:
  // float noise / 2h ~ 1e-4, truncation O(h^2) ~ 1e-7; the double gradient must match to 5e-4.
  const double h = 1e-3;
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    Eigen::VectorXd plus = theta, minus = theta;
    plus(i) += h;
    minus(i) -= h;
    SoftmaxModel a(5, 3), b(5, 3);
    a.set_parameters(plus);
    b.set_parameters(minus);
    const double numeric = (a.loss(data) - b.loss(data)) / (2 * h);
    EXPECT_NEAR(g(i), numeric, 5e-4 * std::max(1.0, std::abs(numeric))) << i;
  }
}

TEST(LearningSoftmax, ZeroModelLossIsLogClasses) {
  // Uniform probabilities 1/C: cross-entropy log C for every sample.
  EXPECT_NEAR(SoftmaxModel(4, 10).loss(random_dataset(20, 4, 10, 3)), std::log(10.0), 1e-12);
}

TEST(LearningSoftmax, SgdLearnsASeparableProblem) {
  // Label = which of 3 coordinates is largest: linearly separable by W = I.
  Dataset data = random_dataset(600, 3, 3, 4);
  for (std::size_t i = 0; i < data.size(); ++i) {
    Eigen::Index best;
    data.features.row(static_cast<Eigen::Index>(i)).maxCoeff(&best);
    data.labels[i] = static_cast<int>(best);
  }
  SoftmaxModel m(3, 3);
  core::Rng rng(5);
  const double before = m.loss(data);
  const LocalTrainResult r = train_local(m, data, {0.5, 10, 20, 0, 0}, rng);
  EXPECT_LT(r.final_train_loss, before);
  EXPECT_EQ(r.samples_processed, 600u * 20);
  EXPECT_GT(m.accuracy(data), 0.95);
}

TEST(LearningSoftmax, ProximalTermPullsTowardsTheAnchor) {
  // With lr 0.1 and mu 1 and a zero-gradient problem (no data effect: lr on data tiny), each step
  // shrinks w - anchor; compare the distance after training with and without the prox term.
  const Dataset data = random_dataset(50, 4, 3, 6);
  SoftmaxModel base(4, 3);
  const Eigen::VectorXd anchor = base.parameters();
  SoftmaxModel plain = base, prox = base;
  core::Rng r1(7), r2(7);
  train_local(plain, data, {0.5, 5, 5, 0, 0}, r1);
  train_local(prox, data, {0.5, 5, 5, 0, 1.0}, r2, &anchor);
  EXPECT_LT((prox.parameters() - anchor).norm(), (plain.parameters() - anchor).norm());
}

TEST(LearningSoftmax, FlopsFollowTheArchitecture) {
  // 784 -> 10: 2 * 784 * 10 multiply-adds + 10 bias adds forward; training ~ 2x forward.
  const SoftmaxModel m(784, 10);
  EXPECT_DOUBLE_EQ(m.flops_per_inference(), 2.0 * 784 * 10 + 10);
  EXPECT_DOUBLE_EQ(m.flops_per_training_sample(), 2 * (2.0 * 784 * 10 + 10));
  EXPECT_EQ(m.parameter_count(), 784 * 10 + 10);
}

}  // namespace
}  // namespace edgefleet::learning
