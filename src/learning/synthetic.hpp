#pragma once
// The FedProx paper's Synthetic(alpha, beta) federated dataset (Li et al. 2020, "Federated
// Optimization in Heterogeneous Networks", section 5.1; following Shamir et al. 2014):
//   n_k = floor(lognormal(4, 2)) + 50 samples on device k;
//   u_k ~ N(0, alpha), B_k ~ N(0, beta) (standard deviations);
//   W_k ~ N(u_k, 1)^{d x C}, b_k ~ N(u_k, 1)^C; v_k ~ N(B_k, 1)^d;
//   x ~ N(v_k, Sigma) with Sigma = diag((j+1)^-1.2); y = argmax(x W_k + b_k).
// IID variant: one global W, b ~ N(0, 1) and v_k = 0. Each device's data comes from its own
// stream (seed, kDataset, k), so it does not depend on how many devices there are.
#include <cstdint>
#include <vector>

#include "learning/dataset.hpp"

namespace edgefleet::learning {

struct SyntheticSpec {
  double alpha = 1;
  double beta = 1;
  bool iid = false;
  int num_devices = 30;
  int dim = 60;
  int num_classes = 10;
  double train_fraction = 0.9;
  // lognormal(4, 2) has a heavy tail (a device can draw 10^5 samples); 0 keeps it uncapped as in
  // the paper, a positive value caps n_k for quick experiments.
  int max_samples_per_device = 0;
};

// With `held_out`, every device's held-out rows go there, devices in order (what concatenating
// the clients' test sets gives), and the clients' test sets stay empty: a large federation's
// validation set is written once instead of twice.
std::vector<ClientData> make_synthetic(const SyntheticSpec& spec, std::uint64_t seed,
                                       Dataset* held_out = nullptr);
// The same, generating (and labelling) `block_rows` rows at a time; make_synthetic's block height
// is a speed choice, and this lets tests check that no block height changes a value.
std::vector<ClientData> make_synthetic_in_blocks(const SyntheticSpec& spec, std::uint64_t seed,
                                                 Dataset* held_out, int block_rows);

// Sample count of device k (the first draw of its stream), exposed for statistics tests.
int synthetic_sample_count(const SyntheticSpec& spec, std::uint64_t seed, int device);
// Training rows of device k, exactly as make_synthetic splits them: known without drawing any
// feature, so a simulation can plan rounds while the data is still being generated.
int synthetic_train_count(const SyntheticSpec& spec, std::uint64_t seed, int device);

}  // namespace edgefleet::learning
