#pragma once
// Splitting a data pool across federated clients: IID, label-skewed by a Dirichlet prior
// (Hsu et al. 2019), or the pathological label shards of McMahan et al. 2017. A partition lists
// each client's row indices into the pool; every row belongs to exactly one client.
#include <cstddef>
#include <vector>

#include "core/rng.hpp"
#include "learning/dataset.hpp"

namespace edgefleet::learning {

using Partition = std::vector<std::vector<std::size_t>>;

// Shuffled rows dealt in contiguous runs: client sizes differ by at most 1 (the first n % clients
// clients get one more). Each client's rows are sorted ascending.
Partition partition_iid(std::size_t n, int clients, core::Rng& rng);

// For each class c in turn: its rows, shuffled, are cut into consecutive runs with sizes
// proportional to p_c ~ Dir(alpha) over the clients (run ends at round(n_c * cumsum(p_c))).
// Small alpha concentrates each class on few clients; large alpha tends to IID. A client may
// receive no rows at all when alpha is small. Each client's rows are sorted ascending.
Partition partition_dirichlet(const std::vector<int>& labels, int num_classes, int clients,
                              double alpha, core::Rng& rng);

// Rows sorted by label (stably), cut into clients * shards_per_client shards of equal size
// (sizes differ by at most 1 when they do not divide n), shards dealt to clients in a random
// order. When every class size is a multiple of the shard size, each shard holds one label, so a
// client sees at most shards_per_client labels. Throws std::invalid_argument when there are
// fewer rows than shards.
Partition partition_shards(const std::vector<int>& labels, int clients, int shards_per_client,
                           core::Rng& rng);

// Each client's rows, shuffled, then the first floor(train_fraction * n_k) as its training set
// and the rest as its test set (as the Synthetic generator splits). train_fraction in [0, 1].
std::vector<ClientData> split_clients(const Dataset& pool, const Partition& partition,
                                      double train_fraction, core::Rng& rng);

}  // namespace edgefleet::learning
