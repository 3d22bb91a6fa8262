#include "federated/federation_data.hpp"

#include <filesystem>
#include <stdexcept>

#include "core/input_error.hpp"
#include "core/rng.hpp"
#include "learning/csv_dataset.hpp"
#include "learning/idx_loader.hpp"
#include "learning/partition.hpp"
#include "learning/synthetic.hpp"

namespace edgefleet::federated {

namespace {

constexpr const char* kDatasetPath = "/federated/dataset/path";

// The clients' held-out rows laid end to end, devices in order; the clients keep none, as with
// Synthetic data (nothing reads a client's own test set, and the copy doubled them in memory).
learning::Dataset take_tests(std::vector<learning::ClientData>& clients, int dim, int classes) {
  Eigen::Index rows = 0;
  for (const auto& c : clients) rows += static_cast<Eigen::Index>(c.test.size());
  learning::Dataset out;
  out.num_classes = classes;
  out.features.resize(rows, dim);
  out.labels.reserve(static_cast<std::size_t>(rows));
  Eigen::Index at = 0;
  for (auto& c : clients) {
    const auto n = static_cast<Eigen::Index>(c.test.size());
    if (n > 0) {
      out.features.middleRows(at, n) = c.test.features;
      out.labels.insert(out.labels.end(), c.test.labels.begin(), c.test.labels.end());
      at += n;
    }
    c.test = learning::Dataset{};
    c.test.num_classes = classes;
    c.test.features.resize(0, dim);
  }
  return out;
}

learning::Dataset load_pool(const scenario::FederatedDataset& d) {
  if (!std::filesystem::exists(d.path))
    throw core::InputError(kDatasetPath, "no such file or directory: " + d.path);
  try {
    learning::Dataset pool;
    if (d.kind == "fashion_mnist") {
      if (!learning::fashion_mnist_available(d.path))
        throw core::InputError(kDatasetPath, "no Fashion-MNIST IDX files in " + d.path +
                                                 " (Debian package dataset-fashion-mnist)");
      // The official test split is not used: clients hold out their own rows, as on devices.
      pool = learning::load_fashion_mnist(d.path, static_cast<std::size_t>(d.max_samples), 1).train;
    } else {
      pool = learning::load_csv_dataset(d.path);
      if (d.max_samples > 0 && static_cast<std::int64_t>(pool.size()) > d.max_samples) {
        std::vector<std::size_t> rows(static_cast<std::size_t>(d.max_samples));
        for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
        pool = learning::subset(pool, rows);
      }
      // z-scores with the pool's statistics (a real deployment would agree on them in a first
      // federated pass): keeps one learning rate meaningful across CSV files.
      learning::Dataset none;
      none.features.resize(0, pool.dim());
      learning::standardize(pool, none);
    }
    return pool;
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const core::InputError*>(&e)) throw;
    throw core::InputError(kDatasetPath, e.what());
  }
}

learning::Partition partition_pool(const scenario::FederatedDataset& d,
                                   const learning::Dataset& pool, int clients, core::Rng& rng) {
  if (d.partition == "dirichlet")
    return learning::partition_dirichlet(pool.labels, pool.num_classes, clients, d.dirichlet_alpha,
                                         rng);
  if (d.partition == "shards")
    return learning::partition_shards(pool.labels, clients, d.shards_per_client, rng);
  return learning::partition_iid(pool.size(), clients, rng);
}

learning::SyntheticSpec synthetic_spec(const scenario::FederatedSpec& spec) {
  const scenario::FederatedDataset& d = spec.dataset;
  learning::SyntheticSpec s;
  s.alpha = d.alpha;
  s.beta = d.beta;
  s.iid = d.iid;
  s.num_devices = static_cast<int>(spec.clients);
  s.train_fraction = d.train_fraction;
  s.max_samples_per_device = d.max_samples_per_client;
  return s;
}

}  // namespace

FederationData make_federation_data(const scenario::FederatedSpec& spec, std::uint64_t seed) {
  const scenario::FederatedDataset& d = spec.dataset;
  const int clients = static_cast<int>(spec.clients);
  FederationData out;
  if (d.kind == "synthetic") {
    const learning::SyntheticSpec s = synthetic_spec(spec);
    out.clients = learning::make_synthetic(s, seed, &out.validation);
    out.input_dim = s.dim;
    out.num_classes = s.num_classes;
    out.description = "synthetic(" + std::to_string(d.alpha) + ", " + std::to_string(d.beta) +
                      (d.iid ? ") iid" : ")");
  } else {
    learning::Dataset pool = load_pool(d);
    if (static_cast<std::int64_t>(pool.size()) < clients)
      throw core::InputError("/federated/clients", "the dataset has only " +
                                                       std::to_string(pool.size()) + " rows for " +
                                                       std::to_string(clients) + " clients");
    core::Rng rng = core::make_stream(seed, core::StreamPurpose::kDataset, 0);
    const learning::Partition parts = partition_pool(d, pool, clients, rng);
    out.clients = learning::split_clients(pool, parts, d.train_fraction, rng);
    out.input_dim = pool.dim();
    out.num_classes = pool.num_classes;
    out.description = d.kind + " " + d.partition + ", " + std::to_string(pool.size()) + " rows";
    out.validation = take_tests(out.clients, out.input_dim, out.num_classes);
  }
  return out;
}

std::optional<FederationShape> predict_shape(const scenario::FederatedSpec& spec,
                                             std::uint64_t seed) {
  if (spec.dataset.kind != "synthetic") return std::nullopt;
  const learning::SyntheticSpec s = synthetic_spec(spec);
  FederationShape shape;
  shape.train_samples.resize(static_cast<std::size_t>(s.num_devices));
  for (int k = 0; k < s.num_devices; ++k)
    shape.train_samples[static_cast<std::size_t>(k)] = learning::synthetic_train_count(s, seed, k);
  shape.input_dim = s.dim;
  shape.num_classes = s.num_classes;
  return shape;
}

FederationShape shape_of(const FederationData& data) {
  FederationShape shape;
  shape.train_samples.reserve(data.clients.size());
  for (std::size_t k = 0; k < data.clients.size(); ++k)
    shape.train_samples.push_back(data.train_samples(k));
  shape.input_dim = data.input_dim;
  shape.num_classes = data.num_classes;
  return shape;
}

}  // namespace edgefleet::federated
