#include "learning/logistic_sgd.hpp"

#include <numeric>

#include <gtest/gtest.h>

#include "learning/mlp_model.hpp"
#include "learning/shuffle.hpp"
#include "learning/softmax_model.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::random_dataset;

// The generic path written out: shuffle, gather each batch into a contiguous block, the model's
// own batch_gradient (softmax_kernel.hpp), then the update, parameters set after every batch.
Eigen::VectorXd reference_sgd(Model& model, const Dataset& data, const SgdConfig& config,
                              core::Rng& rng, const Eigen::VectorXd* anchor, int epochs) {
  std::vector<std::size_t> order(data.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  Eigen::VectorXd w = model.parameters(), g;
  Eigen::VectorXd velocity = Eigen::VectorXd::Zero(config.momentum > 0 ? w.size() : 0);
  const auto bs = static_cast<std::size_t>(config.batch_size);
  Eigen::MatrixXd x(static_cast<Eigen::Index>(std::min(data.size(), bs)), data.dim());
  std::vector<int> labels(static_cast<std::size_t>(x.rows()));
  GradientWorkspace ws;
  for (int e = 0; e < epochs; ++e) {
    fisher_yates(std::span<std::size_t>(order), rng);
    for (std::size_t start = 0; start < order.size(); start += bs) {
      const std::size_t b = std::min(order.size(), start + bs) - start;
      for (std::size_t i = 0; i < b; ++i) {
        x.row(static_cast<Eigen::Index>(i)) =
            data.features.row(static_cast<Eigen::Index>(order[start + i]));
        labels[i] = data.labels[order[start + i]];
      }
      model.batch_gradient(x.topRows(static_cast<Eigen::Index>(b)),
                           std::span<const int>(labels.data(), b), g, ws);
      apply_sgd_step(w, g, config, anchor, velocity);
      model.set_parameters(w);
    }
  }
  return w;
}

// The row-pointer path must give the generic path's bits: plain SGD, momentum, weight decay and
// the FedProx term, batch sizes that leave a short last batch (also odd, so Eigen's exp splits
// the logits block differently), a batch larger than the data, several epochs.
TEST(LearningLogisticSgd, SameBitsAsGatherAndBatchGradient) {
  const Dataset data = random_dataset(53, 7, 5, 61);
  struct Case {
    int batch, epochs;
    double momentum, decay, mu;
  };
  for (const Case& c : {Case{10, 1, 0, 0, 0}, Case{7, 3, 0.9, 0, 0}, Case{5, 2, 0, 1e-3, 0.5},
                        Case{64, 2, 0.5, 1e-2, 1}, Case{1, 1, 0, 0, 0}}) {
    SgdConfig config;
    config.batch_size = c.batch;
    config.momentum = c.momentum;
    config.weight_decay = c.decay;
    config.prox_mu = c.mu;
    config.learning_rate = 0.05;
    config.report_final_loss = false;
    SoftmaxModel start(7, 5);
    Eigen::VectorXd theta(start.parameter_count());
    core::Rng init(62);
    core::fill_standard_normal(init, theta.data(), static_cast<std::size_t>(theta.size()));
    start.set_parameters(theta);
    const Eigen::VectorXd anchor = theta * 0.5;
    const Eigen::VectorXd* a = c.mu > 0 ? &anchor : nullptr;

    auto fast = start.clone();
    core::Rng rng_fast(63);
    train_local(*fast, data, config, rng_fast, a, c.epochs);
    auto slow = start.clone();
    core::Rng rng_slow(63);
    const Eigen::VectorXd expected = reference_sgd(*slow, data, config, rng_slow, a, c.epochs);
    for (Eigen::Index i = 0; i < expected.size(); ++i)
      ASSERT_EQ(fast->parameters()(i), expected(i)) << "batch " << c.batch << " param " << i;
    EXPECT_NE(fast->parameters(), theta);  // it did train
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
