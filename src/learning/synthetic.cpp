#include "learning/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/parallel_for.hpp"
#include "core/random_draws.hpp"
#include "core/rng.hpp"

namespace edgefleet::learning {

namespace {

using DoubleRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

int draw_count(const SyntheticSpec& spec, core::Rng& rng) {
  int n = static_cast<int>(std::floor(core::draw_lognormal(rng, 4, 2))) + 50;
  if (spec.max_samples_per_device > 0) n = std::min(n, spec.max_samples_per_device);
  return n;
}

int train_rows(const SyntheticSpec& spec, int n) {
  return static_cast<int>(std::floor(spec.train_fraction * n));
}

Eigen::MatrixXd normal_matrix(core::Rng& rng, int rows, int cols, double mean) {
  Eigen::MatrixXd m(rows, cols);
  for (int c = 0; c < cols; ++c)
    for (int r = 0; r < rows; ++r) m(r, c) = core::draw_normal(rng, mean, 1);
  return m;
}

}  // namespace

int synthetic_sample_count(const SyntheticSpec& spec, std::uint64_t seed, int device) {
  core::Rng rng =
      core::make_stream(seed, core::StreamPurpose::kDataset, static_cast<std::uint64_t>(device));
  return draw_count(spec, rng);
}

int synthetic_train_count(const SyntheticSpec& spec, std::uint64_t seed, int device) {
  return train_rows(spec, synthetic_sample_count(spec, seed, device));
}

std::vector<ClientData> make_synthetic(const SyntheticSpec& spec, std::uint64_t seed) {
  const int d = spec.dim, c = spec.num_classes;
  // The IID variant's global model comes from a stream of its own (entity id beyond devices).
  core::Rng global = core::make_stream(seed, core::StreamPurpose::kDataset, ~std::uint64_t{0});
  const Eigen::MatrixXd global_w = normal_matrix(global, d, c, 0);
  const Eigen::RowVectorXd global_b = normal_matrix(global, 1, c, 0);
  Eigen::VectorXd sigma_sqrt(d);
  for (int j = 0; j < d; ++j) sigma_sqrt(j) = std::sqrt(std::pow(j + 1.0, -1.2));

  // Each device's data comes from its own stream, so devices are generated in parallel.
  std::vector<ClientData> clients(static_cast<std::size_t>(spec.num_devices));
  core::parallel_for(clients.size(), [&](std::size_t slot) {
    const int k = static_cast<int>(slot);
    core::Rng rng =
        core::make_stream(seed, core::StreamPurpose::kDataset, static_cast<std::uint64_t>(k));
    const int n = draw_count(spec, rng);
    Eigen::MatrixXd w = global_w;
    Eigen::RowVectorXd b = global_b;
    Eigen::RowVectorXd v = Eigen::RowVectorXd::Zero(d);
    if (!spec.iid) {
      const double u = core::draw_normal(rng, 0, spec.alpha);
      const double big_b = core::draw_normal(rng, 0, spec.beta);
      w = normal_matrix(rng, d, c, u);
      b = normal_matrix(rng, 1, c, u);
      v = normal_matrix(rng, 1, d, big_b);
    }
    // x = v + z diag(sqrt(Sigma)), z ~ N(0, I): one block of normals drawn in double into this
    // thread's row-major scratch (reused from client to client: no page faults after the
    // largest) and transformed in place. Labels come from these double features, so they do not
    // depend on the float storage; the dataset keeps the features rounded to float.
    const int n_train = train_rows(spec, n);
    ClientData client;
    client.train.num_classes = client.test.num_classes = c;
    thread_local std::vector<double> scratch;
    scratch.resize(std::max(scratch.size(), static_cast<std::size_t>(n) * d));
    Eigen::Map<DoubleRows> x(scratch.data(), n, d);
    core::fill_standard_normal(rng, x.data(), static_cast<std::size_t>(x.size()));
    x = (x.array().rowwise() * sigma_sqrt.transpose().array()).rowwise() + v.array();
    // Labels by one product (the same Eigen product as before the layout change: its packing
    // does not depend on the storage order, so the labels are unchanged), into scratch of this
    // thread too: a fresh n x C matrix per client was an mmap, page faults and an munmap each.
    thread_local Eigen::MatrixXd logits;
    if (logits.rows() < n || logits.cols() != c)
      logits.resize(std::max<Eigen::Index>(n, logits.rows()), c);
    auto z = logits.topRows(n);
    z.noalias() = x * w;
    z.rowwise() += b;
    std::vector<int> labels(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      Eigen::Index label;
      z.row(i).maxCoeff(&label);
      labels[static_cast<std::size_t>(i)] = static_cast<int>(label);
    }
    client.train.features = x.topRows(n_train).cast<float>();
    client.test.features = x.bottomRows(n - n_train).cast<float>();
    client.train.labels.assign(labels.begin(), labels.begin() + n_train);
    client.test.labels.assign(labels.begin() + n_train, labels.end());
    clients[slot] = std::move(client);
  });
  return clients;
}

}  // namespace edgefleet::learning
