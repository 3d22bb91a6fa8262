#pragma once
// Data-parallel loop for independent, pure work items (local training of the clients of a round,
// generating one client's data). Each index runs exactly once and must write only its own output
// slot, so results never depend on thread count or scheduling (DESIGN principle 7).
#include <cstddef>
#include <functional>
#include <vector>

namespace edgefleet::core {

// Threads used by parallel_for: EDGEFLEET_THREADS when set (>= 1), else the hardware's count.
unsigned worker_threads();

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& body);

// The same, handing out the items largest first by `sizes` (their relative costs; ties in index
// order): a thread that takes a large item late no longer runs alone while the others wait at the
// end (longest-processing-time-first scheduling). Clients' sizes are heavy-tailed: one of 8,192
// Synthetic clients holds ~10^5 rows, 3 % of the federation. Results are those of parallel_for.
void parallel_for_largest_first(const std::vector<double>& sizes,
                                const std::function<void(std::size_t)>& body);

}  // namespace edgefleet::core
