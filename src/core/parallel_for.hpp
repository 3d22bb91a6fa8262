#pragma once
// Data-parallel loop for independent, pure work items (local training of the clients of a round,
// generating one client's data). Each index runs exactly once and must write only its own output
// slot, so results never depend on thread count or scheduling (DESIGN principle 7).
#include <cstddef>
#include <functional>

namespace edgefleet::core {

// Threads used by parallel_for: EDGEFLEET_THREADS when set (>= 1), else the hardware's count.
unsigned worker_threads();

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& body);

}  // namespace edgefleet::core
