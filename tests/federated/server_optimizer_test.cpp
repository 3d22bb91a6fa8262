#include "federated/server_optimizer.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace edgefleet::federated {
namespace {

std::unique_ptr<ServerOptimizer> make(const std::string& name, nlohmann::json params = {}) {
  return make_server_optimizer(name, params, "/federated/server_optimizer",
                               "/federated/server_optimizer_params");
}

Eigen::VectorXd vec(std::initializer_list<double> values) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (double x : values) v(i++) = x;
  return v;
}

TEST(ServerOptimizerSgd, LearningRateOneAddsTheDelta) {
  // FedAvg's server step: the new global model is the mean of the local models.
  Eigen::VectorXd global = vec({1.0, -2.0, 0.5});
  const Eigen::VectorXd delta = vec({0.25, 0.5, -1.0});
  const Eigen::VectorXd expected = global + delta;
  make("sgd")->apply(global, delta);
  EXPECT_EQ(global, expected);
}

TEST(ServerOptimizerSgd, LearningRateScalesTheStep) {
  Eigen::VectorXd global = vec({1.0, -2.0});
  make("sgd", {{"server_lr", 0.5}})->apply(global, vec({0.5, 1.0}));
  EXPECT_EQ(global, vec({1.25, -1.5}));
}

// Two steps with eta = 0.1, beta1 = 0.9, beta2 = 0.99, tau = 1e-3 from x = 0, with
// delta1 = (1, -2) and delta2 = (0.5, 0.1). By hand:
//   m1 = 0.1 delta1 = (0.1, -0.2);  m2 = 0.9 m1 + 0.1 delta2 = (0.14, -0.17)
//   delta1^2 = (1, 4), delta2^2 = (0.25, 0.01)
//   Adagrad: v1 = (1, 4),        v2 = (1.25, 4.01)
//   Adam:    v1 = (0.01, 0.04),  v2 = 0.99 v1 + 0.01 delta2^2 = (0.0124, 0.0397)
//   Yogi:    v1 = 0 - 0.01 delta1^2 sign(0 - delta1^2) = (0.01, 0.04);
//            v2: coordinate 0 has v1 < delta2^2 so v grows by 0.01 * 0.25 -> 0.0125;
//                coordinate 1 has v1 > delta2^2 so v shrinks by 0.01 * 0.01 -> 0.0399.
//   x_t = x_{t-1} + eta m_t / (sqrt(v_t) + tau)
struct HandSteps {
  const char* name;
  double v1[2];
  double v2[2];
};

void expect_two_hand_steps(const HandSteps& h) {
  const double eta = 0.1, tau = 1e-3;
  auto opt = make(h.name, {{"server_lr", eta}, {"beta1", 0.9}, {"beta2", 0.99}, {"tau", tau}});
  Eigen::VectorXd x = Eigen::VectorXd::Zero(2);
  opt->apply(x, vec({1.0, -2.0}));
  const double m1[2] = {0.1, -0.2};
  double x1[2];
  for (int i = 0; i < 2; ++i) {
    x1[i] = eta * m1[i] / (std::sqrt(h.v1[i]) + tau);
    EXPECT_NEAR(x(i), x1[i], 1e-12) << h.name << " step 1, coordinate " << i;
  }
  opt->apply(x, vec({0.5, 0.1}));
  const double m2[2] = {0.14, -0.17};
  for (int i = 0; i < 2; ++i)
    EXPECT_NEAR(x(i), x1[i] + eta * m2[i] / (std::sqrt(h.v2[i]) + tau), 1e-12)
        << h.name << " step 2, coordinate " << i;
}

TEST(ServerOptimizerAdaptive, TwoStepsMatchReddiAlgorithm2ByHand) {
  expect_two_hand_steps({"fedadagrad", {1.0, 4.0}, {1.25, 4.01}});
  expect_two_hand_steps({"fedadam", {0.01, 0.04}, {0.0124, 0.0397}});
  expect_two_hand_steps({"fedyogi", {0.01, 0.04}, {0.0125, 0.0399}});
}

TEST(ServerOptimizerAdaptive, DefaultsAreThePaperValues) {
  // Defaults eta = 0.01, beta1 = 0.9, beta2 = 0.99, tau = 1e-3. One FedAdam step from 0 with
  // delta = 2: m = 0.2, v = 0.01 * 4 = 0.04, x = 0.01 * 0.2 / (0.2 + 0.001).
  Eigen::VectorXd x = Eigen::VectorXd::Zero(1);
  make("fedadam")->apply(x, vec({2.0}));
  EXPECT_NEAR(x(0), 0.01 * 0.2 / 0.201, 1e-15);
}

TEST(ServerOptimizerAdaptive, ConstantDeltaStepTendsToLearningRateTimesSign) {
  // With the same delta every round, m -> delta and Adam's v -> delta^2 (geometrically, 0.99^t),
  // so the step tends to eta delta / (|delta| + tau): about eta in the delta's direction,
  // whatever its size. Yogi's v moves towards delta^2 by (1 - beta2) delta^2 per round and then
  // stays within that distance of it, so its step is bracketed by sqrt(v) in
  // |delta| sqrt(1 -/+ 0.01).
  const double eta = 0.05, tau = 1e-3;
  const Eigen::VectorXd delta = vec({3.0, -0.02});
  auto adam = make("fedadam", {{"server_lr", eta}});
  auto yogi = make("fedyogi", {{"server_lr", eta}});
  Eigen::VectorXd xa = Eigen::VectorXd::Zero(2), xy = Eigen::VectorXd::Zero(2);
  for (int t = 0; t < 3000; ++t) {
    adam->apply(xa, delta);
    yogi->apply(xy, delta);
  }
  const Eigen::VectorXd a0 = xa, y0 = xy;
  adam->apply(xa, delta);
  yogi->apply(xy, delta);
  for (int i = 0; i < 2; ++i) {
    const double d = delta(i), ad = std::abs(d);
    EXPECT_NEAR(xa(i) - a0(i), eta * d / (ad + tau), 1e-9) << "coordinate " << i;
    const double step = std::abs(xy(i) - y0(i));
    EXPECT_GE(step, eta * ad / (ad * std::sqrt(1.01) + tau) - 1e-12) << "coordinate " << i;
    EXPECT_LE(step, eta * ad / (ad * std::sqrt(0.99) + tau) + 1e-12) << "coordinate " << i;
    EXPECT_EQ(std::signbit(xy(i) - y0(i)), std::signbit(d));
  }
}

TEST(ServerOptimizerAdaptive, AdagradStepShrinksAsSquaresAccumulate) {
  // v_t = t delta^2 and m_t = (1 - 0.9^t) delta, so the step is eta (1 - 0.9^t) / (sqrt(t) + tau)
  // for delta = 1.
  const double eta = 0.1, tau = 1e-3;
  auto opt = make("fedadagrad", {{"server_lr", eta}, {"tau", tau}});
  Eigen::VectorXd x = Eigen::VectorXd::Zero(1);
  for (int t = 1; t <= 50; ++t) {
    const double before = x(0);
    opt->apply(x, vec({1.0}));
    EXPECT_NEAR(x(0) - before, eta * (1 - std::pow(0.9, t)) / (std::sqrt(t) + tau), 1e-12);
  }
}

TEST(ServerOptimizerRegistry, NamesAndErrors) {
  EXPECT_EQ(server_optimizer_names(),
            (std::vector<std::string>{"fedadagrad", "fedadam", "fedyogi", "sgd"}));
  try {
    make("fedadamw");
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/server_optimizer");
    EXPECT_NE(e.reason().find("fedyogi"), std::string::npos);
  }
  try {
    make("fedadam", {{"beta1", 1.5}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/server_optimizer_params/beta1");
  }
  try {
    make("sgd", {{"beta1", 0.9}});  // sgd has no momentum
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/server_optimizer_params/beta1");
  }
  Eigen::VectorXd x = Eigen::VectorXd::Zero(2);
  EXPECT_THROW(make("fedadam")->apply(x, Eigen::VectorXd::Zero(3)), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::federated
