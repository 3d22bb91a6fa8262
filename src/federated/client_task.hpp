#pragma once
// What one selected client does in a round, decided before the round runs (a pure function of
// seed, round and client): the simulator turns it into a download, a training execution of
// `train_flops` on the client's host and an upload.
#include <cstdint>

namespace edgefleet::federated {

struct ClientTask {
  std::int64_t client = 0;
  int epochs = 1;          // local epochs this round (a FedProx straggler runs fewer)
  bool straggler = false;  // designated straggler this round (scenario stragglers.fraction)
  bool discard = false;    // a straggler under the "drop" policy: trains, never reports
  double samples = 0;      // training samples on the client
  double train_flops = 0;  // samples x epochs x training flops per sample
};

}  // namespace edgefleet::federated
