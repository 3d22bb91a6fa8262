#pragma once
// One row of rounds.csv (docs/outputs.md documents each column).
#include <cstdint>

#include "federated/trainer.hpp"

namespace edgefleet::federated {

struct RoundRecord {
  int round = 0;       // 1-based; in async mode, the server step
  double start_s = 0;  // simulated
  double end_s = 0;
  std::int64_t selected = 0;    // clients started (sync: this round; async: since the last step)
  std::int64_t completed = 0;   // updates aggregated
  std::int64_t stragglers = 0;  // designated stragglers (dropped or partial, per the policy)
  std::int64_t late = 0;        // missed the round deadline
  std::int64_t dropped = 0;     // went offline while training or transferring
  double bytes_down = 0;        // global model to clients
  double bytes_up = 0;          // updates to the aggregator(s), fog -> cloud included
  double client_energy_j = 0;   // energy plugin, selected clients' hosts over the round
  RoundMetrics metrics;
};

}  // namespace edgefleet::federated
