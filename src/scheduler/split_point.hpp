#pragma once
// Split inference at a layer boundary: layers [0, k) run locally, the activation leaving layer
// k-1 (the input itself for k = 0) crosses the network, layers [k, L) run remotely and the
// output returns. k = 0 is cloud-only, k = L is local-only (no upload beyond the output).
#include <cstddef>
#include <span>

#include "scenario/catalog.hpp"

namespace edgefleet::scheduler {

struct SplitCosts {
  double local_speed_flops;
  double remote_speed_flops;
  double link_latency_s;      // one-way between the local and the remote node
  double link_bandwidth_bps;  // bit/s
  double input_bytes;         // model input (sent when k = 0)
  double output_bytes;  // model output (returned to the device from the remote side, or local)
};

struct SplitChoice {
  std::size_t split_layer = 0;  // layers [0, split_layer) run locally
  double local_flops = 0;
  double remote_flops = 0;
  double transfer_bytes = 0;  // local -> remote activation (0 when local-only)
  double estimated_s = 0;     // local compute + transfer + remote compute
};

// Estimated time of splitting at k (no queueing; the layer table is what a planner knows).
double split_time_s(std::span<const scenario::ModelLayer> layers, std::size_t k,
                    const SplitCosts& c);

// The argmin over k in [0, L] (ties go to the smallest k). Requires a non-empty layer table.
SplitChoice choose_split(std::span<const scenario::ModelLayer> layers, const SplitCosts& c);

}  // namespace edgefleet::scheduler
