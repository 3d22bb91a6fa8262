#include "learning/logistic_sgd.hpp"

#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "learning/mlp_model.hpp"
#include "learning/row_kernels.hpp"
#include "learning/shuffle.hpp"
#include "learning/softmax_model.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::random_dataset;

// Local SGD for logistic regression written out in plain float loops, in the order the stepper
// promises (row_kernels.hpp, logistic_sgd.hpp): shuffle, logits = bias + sum_k x_k W(k, c) from
// +0, softmax by exp_f32 of (z - row max) summed in class order, delta = (p - onehot) / b,
// gradients summed over the batch's rows in order, then the float update. W is held [c][k].
Eigen::VectorXd reference_float_sgd(const Eigen::VectorXd& theta, const Dataset& data,
                                    const SgdConfig& config, core::Rng& rng,
                                    const Eigen::VectorXd* anchor, int epochs, int classes) {
  const int d = data.dim();
  const auto at = [&](int k, int c) { return static_cast<std::size_t>(c * d + k); };
  // Flat [W (d x C column-major) | b], as the model stores it, in float.
  std::vector<float> w(static_cast<std::size_t>(theta.size())), a(w.size()), v(w.size(), 0.0f);
  for (std::size_t j = 0; j < w.size(); ++j) {
    w[j] = static_cast<float>(theta(static_cast<Eigen::Index>(j)));
    if (anchor) a[j] = static_cast<float>((*anchor)(static_cast<Eigen::Index>(j)));
  }
  const std::size_t bias = at(0, classes);
  std::vector<std::size_t> order(data.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto bs = static_cast<std::size_t>(config.batch_size);
  for (int e = 0; e < epochs; ++e) {
    fisher_yates(std::span<std::size_t>(order), rng);
    for (std::size_t start = 0; start < order.size(); start += bs) {
      const std::size_t b = std::min(order.size(), start + bs) - start;
      std::vector<std::vector<float>> delta(b,
                                            std::vector<float>(static_cast<std::size_t>(classes)));
      for (std::size_t i = 0; i < b; ++i) {
        const auto row = static_cast<Eigen::Index>(order[start + i]);
        std::vector<float>& z = delta[i];
        for (int c = 0; c < classes; ++c) {
          float sum = 0.0f;
          for (int k = 0; k < d; ++k) sum = sum + data.features(row, k) * w[at(k, c)];
          z[static_cast<std::size_t>(c)] = w[bias + static_cast<std::size_t>(c)] + sum;
        }
        float m = z[0];
        for (int c = 1; c < classes; ++c) m = m < z[c] ? z[c] : m;
        float total = 0.0f;
        for (float& zc : z) zc = kernel::exp_f32(zc - m);
        for (float zc : z) total = total + zc;
        const int y = data.labels[order[start + i]];
        for (int c = 0; c < classes; ++c) {
          float p = z[static_cast<std::size_t>(c)] / total;
          if (c == y) p = p - 1.0f;
          z[static_cast<std::size_t>(c)] = p / static_cast<float>(b);
        }
      }
      std::vector<float> g(w.size(), 0.0f);
      for (int c = 0; c < classes; ++c) {
        for (int k = 0; k < d; ++k) {
          float sum = 0.0f;
          for (std::size_t i = 0; i < b; ++i)
            sum = sum + data.features(static_cast<Eigen::Index>(order[start + i]), k) *
                            delta[i][static_cast<std::size_t>(c)];
          g[at(k, c)] = sum;
        }
        float sum = 0.0f;
        for (std::size_t i = 0; i < b; ++i) sum = sum + delta[i][static_cast<std::size_t>(c)];
        g[bias + static_cast<std::size_t>(c)] = sum;
      }
      apply_float_sgd_step(w, g, config,
                           anchor ? std::span<const float>(a) : std::span<const float>(),
                           config.momentum > 0 ? std::span<float>(v) : std::span<float>());
    }
  }
  Eigen::VectorXd out(theta.size());
  for (std::size_t j = 0; j < w.size(); ++j) out(static_cast<Eigen::Index>(j)) = w[j];
  return out;
}

// The stepper (row pointers, padded row-major weights, SIMD kernels) must give the plain float
// loop's bits: plain SGD, momentum, weight decay and the FedProx term, batch sizes that leave a
// short last batch, a batch larger than the data, several epochs, class counts on and off the
// kernels' 4- and 8-lane blocks.
TEST(LearningLogisticSgd, SameBitsAsPlainFloatLoops) {
  struct Case {
    int batch, epochs, classes;
    double momentum, decay, mu;
  };
  for (const Case& c :
       {Case{10, 1, 5, 0, 0, 0}, Case{7, 3, 10, 0.9, 0, 0}, Case{5, 2, 3, 0, 1e-3, 0.5},
        Case{64, 2, 8, 0.5, 1e-2, 1}, Case{1, 1, 13, 0, 0, 0}}) {
    const Dataset data = random_dataset(53, 7, c.classes, 61);
    SgdConfig config;
    config.batch_size = c.batch;
    config.momentum = c.momentum;
    config.weight_decay = c.decay;
    config.prox_mu = c.mu;
    config.learning_rate = 0.05;
    config.report_final_loss = false;
    SoftmaxModel start(7, c.classes);
    Eigen::VectorXd theta(start.parameter_count());
    core::Rng init(62);
    core::fill_standard_normal(init, theta.data(), static_cast<std::size_t>(theta.size()));
    start.set_parameters(theta);
    const Eigen::VectorXd anchor = theta * 0.5;
    const Eigen::VectorXd* a = c.mu > 0 ? &anchor : nullptr;

    auto fast = start.clone();
    core::Rng rng_fast(63);
    train_local(*fast, data, config, rng_fast, a, c.epochs);
    core::Rng rng_slow(63);
    const Eigen::VectorXd expected =
        reference_float_sgd(theta, data, config, rng_slow, a, c.epochs, c.classes);
    for (Eigen::Index i = 0; i < expected.size(); ++i)
      ASSERT_EQ(fast->parameters()(i), expected(i)) << "batch " << c.batch << " param " << i;
    EXPECT_GT((fast->parameters() - theta).cwiseAbs().maxCoeff(), 1e-3);  // it did train
  }
}

// The float update's order, element by element, against the double step it mirrors: the same
// within float rounding, and exactly the written-out float expression.
TEST(LearningLogisticSgd, FloatStepFollowsTheDoubleStep) {
  SgdConfig config;
  config.learning_rate = 0.1;
  config.weight_decay = 0.01;
  config.prox_mu = 0.5;
  config.momentum = 0.9;
  std::vector<float> w{1.0f, -2.0f, 0.5f}, g{0.25f, 1.5f, -3.0f}, v{0.1f, 0.0f, -0.2f};
  const std::vector<float> anchor{0.5f, 0.5f, 0.5f};
  Eigen::VectorXd wd(3), gd(3), vd(3), ad(3);
  for (int j = 0; j < 3; ++j) {
    wd(j) = w[static_cast<std::size_t>(j)];
    gd(j) = g[static_cast<std::size_t>(j)];
    vd(j) = v[static_cast<std::size_t>(j)];
    ad(j) = anchor[static_cast<std::size_t>(j)];
  }
  std::vector<float> expected(3);
  for (std::size_t j = 0; j < 3; ++j) {
    float step = g[j] + 0.01f * w[j];
    step = step + 0.5f * (w[j] - anchor[j]);
    const float vel = 0.9f * v[j] + step;
    expected[j] = w[j] - 0.1f * vel;
  }
  apply_float_sgd_step(w, g, config, anchor, v);
  apply_sgd_step(wd, gd, config, &ad, vd);
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_EQ(w[j], expected[j]);
    EXPECT_NEAR(w[j], wd(static_cast<Eigen::Index>(j)), 1e-6);
  }
}

TEST(LearningLogisticSgd, OnlyForLogisticRegressionWithData) {
  const Dataset data = random_dataset(20, 4, 3, 64);
  SgdConfig config;
  SoftmaxModel logistic(4, 3);
  MlpModel mlp(4, {5}, 3, 65);
  EXPECT_NE(make_logistic_stepper(logistic, data, config, nullptr), nullptr);
  EXPECT_EQ(make_logistic_stepper(mlp, data, config, nullptr), nullptr);
  EXPECT_EQ(make_logistic_stepper(logistic, random_dataset(0, 4, 3, 66), config, nullptr), nullptr);
}

}  // namespace
}  // namespace edgefleet::learning
