#include "learning/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/parallel_for.hpp"
#include "core/random_draws.hpp"
#include "core/rng.hpp"
#include "learning/argmax_logits.hpp"

namespace edgefleet::learning {

namespace {

using DoubleRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Rows generated and labelled at once: the block's doubles (60 features: 113 KB) stay in cache
// between drawing, scaling, labelling and the float copy. The labels are each row's own
// (LogitsArgmax), so no block height changes a value (a test checks heights against one block).
constexpr int kBlockRows = 240;

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

std::vector<ClientData> make_synthetic(const SyntheticSpec& spec, std::uint64_t seed,
                                       Dataset* held_out) {
  return make_synthetic_in_blocks(spec, seed, held_out, kBlockRows);
}

std::vector<ClientData> make_synthetic_in_blocks(const SyntheticSpec& spec, std::uint64_t seed,
                                                 Dataset* held_out, int block_rows) {
  const int d = spec.dim, c = spec.num_classes;
  // Every device's sample count, the first draw of its stream: where its held-out rows start in
  // `held_out` (devices in order), and the order devices are generated in (largest first).
  std::vector<double> samples(static_cast<std::size_t>(spec.num_devices));
  for (int k = 0; k < spec.num_devices; ++k)
    samples[static_cast<std::size_t>(k)] = synthetic_sample_count(spec, seed, k);
  std::vector<Eigen::Index> held_out_at;
  if (held_out) {
    held_out_at.resize(samples.size() + 1, 0);
    for (std::size_t k = 0; k < samples.size(); ++k) {
      const auto n = static_cast<int>(samples[k]);
      held_out_at[k + 1] = held_out_at[k] + (n - train_rows(spec, n));
    }
    held_out->num_classes = c;
    held_out->features.resize(held_out_at.back(), d);
    held_out->labels.resize(static_cast<std::size_t>(held_out_at.back()));
  }
  // The IID variant's global model comes from a stream of its own (entity id beyond devices).
  core::Rng global = core::make_stream(seed, core::StreamPurpose::kDataset, ~std::uint64_t{0});
  const Eigen::MatrixXd global_w = normal_matrix(global, d, c, 0);
  const Eigen::RowVectorXd global_b = normal_matrix(global, 1, c, 0);
  Eigen::VectorXd sigma_sqrt(d);
  for (int j = 0; j < d; ++j) sigma_sqrt(j) = std::sqrt(std::pow(j + 1.0, -1.2));

  // Each device's data comes from its own stream, so devices are generated in parallel.
  std::vector<ClientData> clients(static_cast<std::size_t>(spec.num_devices));
  core::parallel_for_largest_first(samples, [&](std::size_t slot) {
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
    // x = v + z diag(sqrt(Sigma)), z ~ N(0, I), made in blocks of rows: normals drawn in double
    // into this thread's row-major scratch (the stream's order is the rows' order, so blocking
    // does not change the values) and transformed in place. Labels come from these double
    // features, so they do not depend on the float storage; the dataset keeps the features
    // rounded to float. A block of kBlockRows keeps the scratch at 113 KB per thread, in cache:
    // sized to the largest client (lognormal tail: 10^5 rows, 50 MB) it cost fresh pages on every
    // thread.
    const int n_train = train_rows(spec, n);
    ClientData client;
    client.train.num_classes = client.test.num_classes = c;
    client.train.features.resize(n_train, d);
    client.train.labels.resize(static_cast<std::size_t>(n_train));
    // The held-out rows go straight to their place in `held_out` (rows of their own: no race),
    // else to the client's test set.
    Dataset& test = held_out ? *held_out : client.test;
    const Eigen::Index test_at = held_out ? held_out_at[slot] : 0;
    if (!held_out) {
      client.test.features.resize(n - n_train, d);
      client.test.labels.resize(static_cast<std::size_t>(n - n_train));
    }
    const LogitsArgmax labeller(w, b);
    thread_local std::vector<double> scratch;
    thread_local std::vector<int> labels;
    for (int r0 = 0; r0 < n; r0 += block_rows) {
      const int rows = std::min(block_rows, n - r0);
      scratch.resize(std::max(scratch.size(), static_cast<std::size_t>(rows) * d));
      labels.resize(std::max(labels.size(), static_cast<std::size_t>(rows)));
      Eigen::Map<DoubleRows> x(scratch.data(), rows, d);
      core::fill_standard_normal(rng, x.data(), static_cast<std::size_t>(x.size()));
      x = (x.array().rowwise() * sigma_sqrt.transpose().array()).rowwise() + v.array();
      labeller.label(x.data(), rows, labels.data());
      for (int i = 0; i < rows; ++i) {
        const int row = r0 + i;
        const int label = labels[static_cast<std::size_t>(i)];
        if (row < n_train) {
          client.train.features.row(row) = x.row(i).cast<float>();
          client.train.labels[static_cast<std::size_t>(row)] = label;
        } else {
          const Eigen::Index at = test_at + (row - n_train);
          test.features.row(at) = x.row(i).cast<float>();
          test.labels[static_cast<std::size_t>(at)] = label;
        }
      }
    }
    clients[slot] = std::move(client);
  });
  return clients;
}

}  // namespace edgefleet::learning
