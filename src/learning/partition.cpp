#include "learning/partition.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "learning/dirichlet.hpp"
#include "learning/shuffle.hpp"

namespace edgefleet::learning {

namespace {

void require_clients(int clients) {
  if (clients <= 0) throw std::invalid_argument("a partition needs at least one client");
}

std::vector<std::size_t> iota_rows(std::size_t n) {
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return rows;
}

void sort_each(Partition& p) {
  for (auto& rows : p) std::sort(rows.begin(), rows.end());
}

}  // namespace

Partition partition_iid(std::size_t n, int clients, core::Rng& rng) {
  require_clients(clients);
  std::vector<std::size_t> rows = iota_rows(n);
  fisher_yates(std::span<std::size_t>(rows), rng);
  const auto k = static_cast<std::size_t>(clients);
  Partition out(k);
  std::size_t next = 0;
  for (std::size_t c = 0; c < k; ++c) {
    const std::size_t size = n / k + (c < n % k ? 1 : 0);
    out[c].assign(rows.begin() + static_cast<std::ptrdiff_t>(next),
                  rows.begin() + static_cast<std::ptrdiff_t>(next + size));
    next += size;
  }
  sort_each(out);
  return out;
}

Partition partition_dirichlet(const std::vector<int>& labels, int num_classes, int clients,
                              double alpha, core::Rng& rng) {
  require_clients(clients);
  if (!(alpha > 0)) throw std::invalid_argument("Dirichlet alpha must be positive");
  std::vector<std::vector<std::size_t>> by_class(static_cast<std::size_t>(num_classes));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] < 0 || labels[i] >= num_classes)
      throw std::invalid_argument("label " + std::to_string(labels[i]) + " of row " +
                                  std::to_string(i) + " is outside [0, num_classes)");
    by_class[static_cast<std::size_t>(labels[i])].push_back(i);
  }
  Partition out(static_cast<std::size_t>(clients));
  for (auto& rows : by_class) {
    fisher_yates(std::span<std::size_t>(rows), rng);
    const std::vector<double> p = draw_symmetric_dirichlet(rng, alpha, clients);
    const auto n_c = static_cast<double>(rows.size());
    double cumulative = 0;
    std::size_t begin = 0;
    for (std::size_t k = 0; k < out.size(); ++k) {
      cumulative += p[k];
      // The last run ends at the class's end whatever the rounding of the cumulative sum, so
      // every row is assigned exactly once.
      const std::size_t end =
          k + 1 == out.size()
              ? rows.size()
              : std::max(begin, std::min(rows.size(),
                                         static_cast<std::size_t>(std::llround(n_c * cumulative))));
      out[k].insert(out[k].end(), rows.begin() + static_cast<std::ptrdiff_t>(begin),
                    rows.begin() + static_cast<std::ptrdiff_t>(end));
      begin = end;
    }
  }
  sort_each(out);
  return out;
}

Partition partition_shards(const std::vector<int>& labels, int clients, int shards_per_client,
                           core::Rng& rng) {
  require_clients(clients);
  if (shards_per_client <= 0) throw std::invalid_argument("shards_per_client must be positive");
  const std::size_t n = labels.size();
  const std::size_t shards =
      static_cast<std::size_t>(clients) * static_cast<std::size_t>(shards_per_client);
  if (n < shards)
    throw std::invalid_argument(std::to_string(n) + " rows cannot fill " + std::to_string(shards) +
                                " shards");
  std::vector<std::size_t> rows = iota_rows(n);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](std::size_t a, std::size_t b) { return labels[a] < labels[b]; });
  std::vector<std::size_t> shard_order = iota_rows(shards);
  fisher_yates(std::span<std::size_t>(shard_order), rng);
  Partition out(static_cast<std::size_t>(clients));
  for (std::size_t s = 0; s < shards; ++s) {
    // Shard j covers sorted positions [j n / S, (j + 1) n / S).
    const std::size_t j = shard_order[s];
    auto& client = out[s / static_cast<std::size_t>(shards_per_client)];
    client.insert(client.end(), rows.begin() + static_cast<std::ptrdiff_t>(j * n / shards),
                  rows.begin() + static_cast<std::ptrdiff_t>((j + 1) * n / shards));
  }
  sort_each(out);
  return out;
}

std::vector<ClientData> split_clients(const Dataset& pool, const Partition& partition,
                                      double train_fraction, core::Rng& rng) {
  if (!(train_fraction >= 0 && train_fraction <= 1))
    throw std::invalid_argument("train_fraction must be in [0, 1]");
  std::vector<ClientData> out;
  out.reserve(partition.size());
  for (const auto& client_rows : partition) {
    std::vector<std::size_t> rows = client_rows;
    fisher_yates(std::span<std::size_t>(rows), rng);
    const auto n_train =
        static_cast<std::size_t>(std::floor(train_fraction * static_cast<double>(rows.size())));
    const auto cut = rows.begin() + static_cast<std::ptrdiff_t>(n_train);
    ClientData client;
    client.train = subset(pool, std::vector<std::size_t>(rows.begin(), cut));
    client.test = subset(pool, std::vector<std::size_t>(cut, rows.end()));
    out.push_back(std::move(client));
  }
  return out;
}

}  // namespace edgefleet::learning
