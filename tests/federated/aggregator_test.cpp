#include "federated/aggregator.hpp"

#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "learning/softmax_model.hpp"
#include "learning/synthetic.hpp"

namespace edgefleet::federated {
namespace {

std::unique_ptr<Aggregator> make(const std::string& name, nlohmann::json params = {}) {
  return make_aggregator(name, params, "/federated/aggregator", "/federated/aggregator_params");
}

TEST(FederatedFedAvg, OneFullBatchStepPerClientEqualsCentralisedStep) {
  // Client k's delta after one full-batch step is -lr g_k, g_k the mean gradient over its n_k
  // samples. The sample-weighted mean of the deltas is -lr sum(n_k g_k) / N = -lr g(union), so
  // FedAvg equals one centralised full-batch step on the union of the data.
  learning::SyntheticSpec spec;
  spec.num_devices = 8;
  spec.max_samples_per_device = 200;
  const auto clients = learning::make_synthetic(spec, 11);
  learning::SoftmaxModel global(60, 10);
  Eigen::VectorXd theta(global.parameter_count());
  for (Eigen::Index i = 0; i < theta.size(); ++i)
    theta(i) = 0.01 * std::sin(static_cast<double>(i));
  global.set_parameters(theta);
  const double lr = 0.3;

  std::vector<ClientUpdate> updates;
  learning::Dataset all;
  all.num_classes = 10;
  std::vector<Eigen::MatrixXd> blocks;
  Eigen::Index rows = 0;
  for (std::size_t k = 0; k < clients.size(); ++k) {
    const auto& d = clients[k].train;
    updates.push_back(
        {static_cast<std::int64_t>(k), -lr * global.gradient(d), static_cast<double>(d.size())});
    rows += d.features.rows();
  }
  all.features.resize(rows, 60);
  Eigen::Index r = 0;
  for (const auto& c : clients) {
    all.features.middleRows(r, c.train.features.rows()) = c.train.features;
    r += c.train.features.rows();
    all.labels.insert(all.labels.end(), c.train.labels.begin(), c.train.labels.end());
  }
  const Eigen::VectorXd fedavg = theta + make("fedavg")->aggregate(updates);
  const Eigen::VectorXd central = theta - lr * global.gradient(all);
  EXPECT_LT((fedavg - central).cwiseAbs().maxCoeff(), 1e-9);
  // The unweighted mean differs when client sizes differ.
  const Eigen::VectorXd mean = theta + make("mean")->aggregate(updates);
  EXPECT_GT((mean - central).cwiseAbs().maxCoeff(), 1e-6);
}

// n = 10 clients, f = 3 attackers sending -c g while the honest ones send g.
std::vector<ClientUpdate> attacked(const Eigen::VectorXd& g, int n, int f, double c) {
  std::vector<ClientUpdate> u;
  for (int i = 0; i < n; ++i) u.push_back({i, i < f ? Eigen::VectorXd(-c * g) : g, 10});
  return u;
}

TEST(FederatedRobust, RobustRulesRecoverTheHonestUpdate) {
  const Eigen::VectorXd g = Eigen::VectorXd::LinSpaced(50, -1.0, 2.0);
  const auto u = attacked(g, 10, 3, 5.0);
  // Median: 7 of 10 values per coordinate equal g_j, so both middle values are g_j.
  EXPECT_EQ(make("median")->aggregate(u), g);
  // Trimmed mean with beta 0.3 drops 3 from each end: the 3 attackers sit at one end (for
  // g_j > 0 the low end, for g_j < 0 the high end), and 3 honest copies at the other.
  EXPECT_LT((make("trimmed_mean", {{"beta", 0.3}})->aggregate(u) - g).norm(), 1e-12);
  // Krum (n = 10 > 2f + 2 = 8): an honest update has 6 zero distances among its 5 nearest;
  // Multi-Krum averages 5 honest copies (equal up to rounding).
  EXPECT_EQ(make("krum", {{"f", 3}})->aggregate(u), g);
  EXPECT_LT((make("multi_krum", {{"f", 3}, {"m", 5}})->aggregate(u) - g).norm(), 1e-12);
  // The mean is dragged: (7 g - 15 g) / 10 = -0.8 g.
  EXPECT_LT((make("mean")->aggregate(u) + 0.8 * g).norm(), 1e-12);
}

TEST(FederatedRobust, BoundsAreEnforced) {
  const Eigen::VectorXd g = Eigen::VectorXd::Ones(3);
  EXPECT_THROW(make("krum", {{"f", 4}})->aggregate(attacked(g, 10, 3, 1)), std::invalid_argument);
  EXPECT_THROW(make("trimmed_mean", {{"beta", 0.5}})->aggregate(attacked(g, 4, 1, 1)),
               std::invalid_argument);
}

TEST(FederatedRegistry, UnknownNamesAndParameters) {
  try {
    make("fedmedian");
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/aggregator");
    EXPECT_NE(e.reason().find("trimmed_mean"), std::string::npos);
  }
  try {
    make("trimmed_mean", {{"beta", 0.7}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/aggregator_params/beta");
  }
}

}  // namespace
}  // namespace edgefleet::federated
