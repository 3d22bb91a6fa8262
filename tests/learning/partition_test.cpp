#include "learning/partition.hpp"

#include <algorithm>
#include <numeric>

#include <gtest/gtest.h>

#include "learning/dirichlet.hpp"

namespace edgefleet::learning {
namespace {

// Labels 0, 1, ..., c-1, 0, 1, ...: interleaved, so only a real sort groups them.
std::vector<int> cyclic_labels(std::size_t n, int c) {
  std::vector<int> y(n);
  for (std::size_t i = 0; i < n; ++i) y[i] = static_cast<int>(i % static_cast<std::size_t>(c));
  return y;
}

void expect_every_row_once(const Partition& p, std::size_t n) {
  std::vector<int> seen(n, 0);
  for (const auto& rows : p)
    for (std::size_t r : rows) {
      ASSERT_LT(r, n);
      ++seen[r];
    }
  EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
}

// Per client: rows per label.
std::vector<std::vector<int>> label_counts(const Partition& p, const std::vector<int>& y, int c) {
  std::vector<std::vector<int>> counts(p.size(), std::vector<int>(static_cast<std::size_t>(c), 0));
  for (std::size_t k = 0; k < p.size(); ++k)
    for (std::size_t r : p[k]) ++counts[k][static_cast<std::size_t>(y[r])];
  return counts;
}

TEST(LearningPartition, EveryRowExactlyOnce) {
  const std::size_t n = 1003;  // divides by neither the client nor the shard count
  const auto y = cyclic_labels(n, 10);
  core::Rng rng(1);
  expect_every_row_once(partition_iid(n, 7, rng), n);
  expect_every_row_once(partition_dirichlet(y, 10, 7, 0.3, rng), n);
  expect_every_row_once(partition_dirichlet(y, 10, 7, 0.01, rng), n);
  expect_every_row_once(partition_shards(y, 7, 3, rng), n);
}

TEST(LearningPartition, IidSizesDifferByAtMostOne) {
  core::Rng rng(2);
  const Partition p = partition_iid(1003, 7, rng);  // 1003 = 7 * 143 + 2
  ASSERT_EQ(p.size(), 7u);
  for (std::size_t k = 0; k < 7; ++k) EXPECT_EQ(p[k].size(), k < 2 ? 144u : 143u);
  // Rows are shuffled across clients, not dealt in index order.
  EXPECT_NE(p[0].back(), 143u);
}

TEST(LearningPartition, ShardsAlignedWithLabelsGiveAtMostTwoLabelsPerClient) {
  // 1000 rows, 10 classes of 100; 50 clients x 2 shards = 100 shards of 10 rows. Every class
  // fills exactly 10 shards, so a shard has one label and a client at most two.
  const auto y = cyclic_labels(1000, 10);
  core::Rng rng(3);
  const Partition p = partition_shards(y, 50, 2, rng);
  const auto counts = label_counts(p, y, 10);
  int two_labels = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    EXPECT_EQ(p[k].size(), 20u);
    const auto labels = std::count_if(counts[k].begin(), counts[k].end(), [](int c) { return c; });
    EXPECT_LE(labels, 2);
    for (int c : counts[k]) EXPECT_TRUE(c == 0 || c == 10 || c == 20);
    two_labels += labels == 2;
  }
  // Dealing is random: a client drawing two shards of the same class is possible but rare
  // (9 / 99 per client), so most clients see two labels.
  EXPECT_GT(two_labels, 25);
  EXPECT_THROW(partition_shards(y, 600, 2, rng), std::invalid_argument);
}

TEST(LearningPartition, DirichletLargeAlphaIsNearlyUniform) {
  // 10 classes x 1000 rows over 10 clients with alpha = 1000. Client k's share of class c,
  // p_kc ~ Beta(1000, 9000), has sd sqrt(0.1 * 0.9 / 10001) = 0.003, so each client holds
  // ~100 +- 3 rows of every label and its label shares are 0.1 +- ~0.004. Statistic: the largest
  // |share - 0.1| over the 100 (client, label) pairs; tolerance 0.02 (5 standard errors).
  const auto y = cyclic_labels(10000, 10);
  core::Rng rng(4);
  const Partition p = partition_dirichlet(y, 10, 10, 1000, rng);
  const auto counts = label_counts(p, y, 10);
  double worst = 0;
  for (std::size_t k = 0; k < p.size(); ++k)
    for (int c : counts[k])
      worst = std::max(worst, std::abs(c / static_cast<double>(p[k].size()) - 0.1));
  EXPECT_LT(worst, 0.02);
}

TEST(LearningPartition, DirichletSmallAlphaConcentratesLabels) {
  // alpha = 0.05 over 20 clients: a Dir(0.05) vector puts most of its mass on one or two
  // clients (E[sum p_k^2] = (alpha + 1) / (20 alpha + 1) = 0.525), so each class lands almost
  // whole on few clients and a client mostly holds one class. Statistic: the share of non-empty
  // clients whose top label is more than half their rows, pooled over three seeds; "most" is
  // required with margin: >= 60 % (under IID it would be 0, every share being ~10 %; over 20
  // seeds single-seed values ranged 74-95 %).
  const auto y = cyclic_labels(10000, 10);
  int non_empty = 0, dominated = 0;
  for (std::uint64_t seed : {5, 6, 7}) {
    core::Rng rng(seed);
    const Partition p = partition_dirichlet(y, 10, 20, 0.05, rng);
    const auto counts = label_counts(p, y, 10);
    for (std::size_t k = 0; k < p.size(); ++k) {
      if (p[k].empty()) continue;
      ++non_empty;
      const int top = *std::max_element(counts[k].begin(), counts[k].end());
      dominated += 2 * static_cast<std::size_t>(top) > p[k].size();
    }
  }
  EXPECT_GE(dominated, 0.6 * non_empty);
}

TEST(LearningPartition, SameSeedSamePartition) {
  const auto y = cyclic_labels(500, 5);
  auto run = [&](std::uint64_t seed) {
    core::Rng rng(seed);
    std::vector<Partition> all;
    all.push_back(partition_iid(500, 6, rng));
    all.push_back(partition_dirichlet(y, 5, 6, 0.5, rng));
    all.push_back(partition_shards(y, 6, 2, rng));
    return all;
  };
  EXPECT_EQ(run(8), run(8));
  const auto a = run(8), b = run(9);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NE(a[i], b[i]) << i;
}

TEST(LearningPartition, SplitClientsKeepsEachClientsRows) {
  // Feature 0 of row r is r, so the rows behind each split can be read back.
  Dataset pool;
  pool.num_classes = 3;
  pool.features.resize(90, 2);
  for (int r = 0; r < 90; ++r) {
    pool.features(r, 0) = r;
    pool.features(r, 1) = -r;
    pool.labels.push_back(r % 3);
  }
  core::Rng rng(10);
  const Partition p = partition_dirichlet(pool.labels, 3, 4, 1.0, rng);
  const auto clients = split_clients(pool, p, 0.75, rng);
  ASSERT_EQ(clients.size(), p.size());
  for (std::size_t k = 0; k < p.size(); ++k) {
    const auto& c = clients[k];
    EXPECT_EQ(c.train.size(), static_cast<std::size_t>(std::floor(0.75 * p[k].size())));
    EXPECT_EQ(c.train.size() + c.test.size(), p[k].size());
    std::vector<std::size_t> rows;
    for (const Dataset* d : {&c.train, &c.test})
      for (Eigen::Index i = 0; i < d->features.rows(); ++i) {
        const auto r = static_cast<std::size_t>(d->features(i, 0));
        EXPECT_EQ(d->labels[static_cast<std::size_t>(i)], pool.labels[r]);
        rows.push_back(r);
      }
    std::sort(rows.begin(), rows.end());
    EXPECT_EQ(rows, p[k]);
    EXPECT_EQ(c.train.num_classes, 3);
  }
  EXPECT_THROW(split_clients(pool, p, 1.5, rng), std::invalid_argument);
}

TEST(LearningDirichlet, GammaMomentsMatchShape) {
  // Gamma(k, 1): mean k, variance k. Over N = 20000 draws the mean's standard error is
  // sqrt(k / N) and the sample variance's is k sqrt((2 + 6 / k) / N) (excess kurtosis 6 / k);
  // tolerances are 5 standard errors. k = 0.3 exercises the boost for shapes below 1.
  for (double k : {0.3, 2.5}) {
    core::Rng rng(11);
    const int n = 20000;
    std::vector<double> x(n);
    for (double& v : x) v = draw_gamma(rng, k);
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double var = 0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= n - 1;
    EXPECT_NEAR(mean, k, 5 * std::sqrt(k / n)) << k;
    EXPECT_NEAR(var, k, 5 * k * std::sqrt((2 + 6 / k) / n)) << k;
    EXPECT_GT(*std::min_element(x.begin(), x.end()), 0.0);
  }
}

TEST(LearningDirichlet, ProportionsSumToOneEvenForTinyAlpha) {
  core::Rng rng(12);
  for (double alpha : {0.001, 0.05, 1.0, 100.0}) {
    const auto p = draw_symmetric_dirichlet(rng, alpha, 50);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12) << alpha;
    for (double v : p) EXPECT_TRUE(v >= 0 && v <= 1) << alpha;
  }
  EXPECT_THROW(draw_gamma(rng, 0), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::learning
