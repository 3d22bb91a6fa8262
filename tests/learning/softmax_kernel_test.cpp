#include "learning/softmax_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_draws.hpp"
#include "learning/sgd.hpp"
#include "learning/shuffle.hpp"
#include "learning/softmax_model.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using Eigen::Index;
using testing::random_dataset;

Eigen::MatrixXd random_matrix(Index rows, Index cols, core::Rng& rng) {
  Eigen::MatrixXd m(rows, cols);
  core::fill_standard_normal(rng, m.data(), static_cast<std::size_t>(m.size()));
  return m;
}

// The kernels promise one summation order (index 0 upwards from +0): a plain triple loop in that
// order must agree to the bit, for every tile and remainder path, with leading dimensions larger
// than the logical sizes (blocks of bigger matrices).
TEST(LearningSoftmaxKernel, LogitsAndGradientEqualSequentialSumsBitForBit) {
  core::Rng rng(41);
  for (Index rows : {1, 2, 3, 4, 5, 7, 10, 33})
    for (Index d : {1, 2, 5, 60, 61})
      for (Index classes : {1, 2, 3, 9, 10, 11}) {
        const Eigen::MatrixXd x_big = random_matrix(rows + 3, d, rng);
        const auto x = x_big.topRows(rows);
        const Eigen::MatrixXd w = random_matrix(d, classes, rng);
        const Eigen::VectorXd bias = random_matrix(classes, 1, rng);
        Eigen::MatrixXd z_big = Eigen::MatrixXd::Zero(rows + 2, classes);
        kernel::affine_logits(x.data(), x.outerStride(), rows, d, w.data(), bias.data(), classes,
                              z_big.data(), z_big.outerStride());
        // Row-major delta: column-major classes x rows.
        const Eigen::MatrixXd delta_t = random_matrix(classes, rows, rng);
        Eigen::MatrixXd grad_w(d, classes);
        Eigen::VectorXd grad_b(classes);
        kernel::softmax_weight_gradient(x.data(), x.outerStride(), rows, d, delta_t.data(), classes,
                                        grad_w.data(), grad_b.data());
        for (Index i = 0; i < rows; ++i)
          for (Index c = 0; c < classes; ++c) {
            double sum = 0;
            for (Index k = 0; k < d; ++k) sum = sum + x(i, k) * w(k, c);
            ASSERT_EQ(z_big(i, c), bias(c) + sum) << rows << " " << d << " " << classes;
          }
        for (Index c = 0; c < classes; ++c) {
          double sum_b = 0;
          for (Index i = 0; i < rows; ++i) sum_b = sum_b + delta_t(c, i);
          ASSERT_EQ(grad_b(c), sum_b);
          for (Index k = 0; k < d; ++k) {
            double sum = 0;
            for (Index i = 0; i < rows; ++i) sum = sum + x(i, k) * delta_t(c, i);
            ASSERT_EQ(grad_w(k, c), sum) << rows << " " << d << " " << classes;
          }
        }
        EXPECT_EQ(z_big.bottomRows(2).cwiseAbs().sum(), 0.0);  // nothing written past `rows`
      }
}

// Textbook mean cross-entropy gradient of softmax(x W + b) over the listed rows, in the flat
// [W (column-major) | b] layout, with std::exp and no shortcuts.
Eigen::VectorXd reference_gradient(const Eigen::VectorXd& theta, const Dataset& data,
                                   const std::vector<std::size_t>& rows) {
  const Index d = data.dim(), classes = data.num_classes;
  Eigen::VectorXd g = Eigen::VectorXd::Zero(theta.size());
  for (std::size_t r : rows) {
    const auto x = data.features.row(static_cast<Index>(r));
    std::vector<double> z(static_cast<std::size_t>(classes));
    for (Index c = 0; c < classes; ++c) {
      z[c] = theta(d * classes + c);
      for (Index k = 0; k < d; ++k) z[c] += x(k) * theta(c * d + k);
    }
    const double m = *std::max_element(z.begin(), z.end());
    double s = 0;
    for (double& v : z) s += (v = std::exp(v - m));
    for (Index c = 0; c < classes; ++c) {
      const double delta =
          (z[c] / s - (c == data.labels[r] ? 1.0 : 0.0)) / static_cast<double>(rows.size());
      for (Index k = 0; k < d; ++k) g(c * d + k) += x(k) * delta;
      g(d * classes + c) += delta;
    }
  }
  return g;
}

double max_relative_error(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return ((a - b).array().abs() / b.array().abs().max(1.0)).maxCoeff();
}

TEST(LearningSoftmaxKernel, BatchGradientMatchesTheTextbookFormula) {
  core::Rng rng(43);
  for (int n : {1, 3, 10, 17})
    for (int d : {1, 7, 60})
      for (int classes : {2, 3, 10}) {
        const Dataset data = random_dataset(n, d, classes, static_cast<std::uint64_t>(n * d));
        SoftmaxModel model(d, classes);
        Eigen::VectorXd theta(model.parameter_count());
        core::fill_standard_normal(rng, theta.data(), static_cast<std::size_t>(theta.size()));
        model.set_parameters(theta * 0.3);
        std::vector<std::size_t> rows(static_cast<std::size_t>(n));
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        EXPECT_LT(max_relative_error(model.gradient(data, rows),
                                     reference_gradient(model.parameters(), data, rows)),
                  1e-12)
            << n << " " << d << " " << classes;
      }
}

TEST(LearningSoftmaxKernel, LossAndAccuracyMatchTheTextbookFormula) {
  core::Rng rng(44);
  for (int n : {1, 255, 600}) {  // below, at and across the 256-row evaluation chunks
    const Dataset data = random_dataset(n, 60, 10, static_cast<std::uint64_t>(n));
    SoftmaxModel model(60, 10);
    Eigen::VectorXd theta(model.parameter_count());
    core::fill_standard_normal(rng, theta.data(), static_cast<std::size_t>(theta.size()));
    model.set_parameters(theta * 0.3);
    double loss = 0;
    int correct = 0;
    for (int i = 0; i < n; ++i) {
      std::vector<double> z(10);
      for (Index c = 0; c < 10; ++c) {
        z[c] = model.parameters()(600 + c);
        for (Index k = 0; k < 60; ++k) z[c] += data.features(i, k) * model.parameters()(c * 60 + k);
      }
      const auto best = std::max_element(z.begin(), z.end());
      correct += (best - z.begin()) == data.labels[i];
      double s = 0;
      for (double v : z) s += std::exp(v - *best);
      loss += std::log(s) - (z[data.labels[i]] - *best);
    }
    // Evaluation runs in float32 (row_kernels.hpp); the textbook formula here in double.
    EXPECT_NEAR(model.loss(data), loss / n, 1e-6 * loss / n) << n;
    EXPECT_DOUBLE_EQ(model.accuracy(data), static_cast<double>(correct) / n) << n;
    const Model::LossAndAccuracy both = model.loss_and_accuracy(data);  // one pass, same figures
    EXPECT_EQ(both.loss, model.loss(data));
    EXPECT_EQ(both.accuracy, model.accuracy(data));
  }
}

// A whole local epoch (shuffle, batches of 10 with a short last one, SGD steps) against the same
// loop written out with the textbook gradient.
TEST(LearningSoftmaxKernel, LocalEpochMatchesAReferenceSgdLoop) {
  const Dataset data = random_dataset(57, 60, 10, 45);
  SoftmaxModel model(60, 10);
  SgdConfig config;
  config.learning_rate = 0.05;
  config.batch_size = 10;
  config.local_epochs = 2;
  core::Rng rng(46), reference_rng(46);
  train_local(model, data, config, rng);

  Eigen::VectorXd w = Eigen::VectorXd::Zero(model.parameter_count());
  // train_local shuffles the previous epoch's order again, starting from 0..n-1.
  std::vector<std::size_t> order(data.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (int e = 0; e < config.local_epochs; ++e) {
    fisher_yates(std::span<std::size_t>(order), reference_rng);
    for (std::size_t start = 0; start < order.size(); start += 10) {
      const std::size_t end = std::min(order.size(), start + 10);
      const std::vector<std::size_t> batch(order.begin() + static_cast<long>(start),
                                           order.begin() + static_cast<long>(end));
      w -= config.learning_rate * reference_gradient(w, data, batch);
    }
  }
  // Training runs in float32 (its bits are checked against plain float loops in
  // logistic_sgd_test.cpp); this double textbook loop agrees to float rounding.
  EXPECT_LT(max_relative_error(model.parameters(), w), 1e-6);
}

}  // namespace
}  // namespace edgefleet::learning
