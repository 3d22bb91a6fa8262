#pragma once
// Local minibatch SGD with heavy-ball momentum and the FedProx proximal term (Li et al. 2020):
// the local objective adds mu/2 ||w - w_anchor||^2, so the gradient gains mu (w - w_anchor).
#include <cstddef>
#include <span>

#include "core/rng.hpp"
#include "learning/model.hpp"

namespace edgefleet::learning {

struct SgdConfig {
  double learning_rate = 0.01;
  int batch_size = 10;
  int local_epochs = 1;
  double weight_decay = 0;  // L2 coefficient added to the gradient
  double prox_mu = 0;       // FedProx; 0 = plain SGD (FedAvg)
  // Heavy ball: v = momentum v + g; w -= lr v (g including weight decay and the prox term).
  // The velocity starts at 0 on every call, as a client keeps no optimiser state across rounds.
  double momentum = 0;
  // The final full pass over the client's data for final_train_loss; federated rounds that
  // evaluate the global model instead skip it (it is ~6 % of an 8,192-client round).
  bool report_final_loss = true;
};

struct LocalTrainResult {
  double final_train_loss = 0;  // mean loss on the training set after training (when reported)
  std::size_t samples_processed = 0;
  int epochs_run = 0;
};

// One update from the batch gradient g (which it modifies): weight decay, the FedProx term
// (anchor non-null), heavy-ball momentum, then w -= lr * step. Element-wise, so it gives the same
// bits whatever order the parameters are stored in.
void apply_sgd_step(Eigen::VectorXd& w, Eigen::VectorXd& g, const SgdConfig& config,
                    const Eigen::VectorXd* prox_anchor, Eigen::VectorXd& velocity);

// One minibatch step of train_local on the rows listed (indices into the dataset), and the
// write-back of the parameters into the model once the epochs are done. `upcoming` lists the next
// batch's rows (empty at the end of an epoch), for prefetching.
class BatchStepper {
 public:
  virtual ~BatchStepper() = default;
  virtual void step(std::span<const std::size_t> batch, std::span<const std::size_t> upcoming) = 0;
  virtual void finish() = 0;
};

// Runs `epochs` epochs (the config's local_epochs when epochs < 0; a FedProx straggler runs
// fewer). Shuffles each epoch with Fisher-Yates on `rng` (std::shuffle is implementation-defined).
LocalTrainResult train_local(Model& model, const Dataset& data, const SgdConfig& config,
                             core::Rng& rng, const Eigen::VectorXd* prox_anchor = nullptr,
                             int epochs = -1);

}  // namespace edgefleet::learning
