#pragma once
// Settings that make a valid scenario slow to simulate, as one-line notes for the CLI: never an
// error (the run is what the user asked for), but worth knowing before a long run. Each note names
// the JSON path, what it costs and what to set instead.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace edgefleet::scenario {

// Transfers at once through one aggregator above which SimGrid's bandwidth sharing dominates a
// federated run's wall time (measured, docs/federated.md "Speed": with all 8,192 clients' transfers
// at once, 5 rounds took 43 s against 6.3 s at 256 at a time).
inline constexpr std::int64_t kManyConcurrentTransfers = 2048;

// The most transfers to or from one aggregator at once that the federated settings allow: every
// client of a round (clients_per_round, or max_concurrency in async mode), at most
// max_parallel_transfers when set. Fog aggregators do not lower it: the coordinator still sends
// every client its download.
std::int64_t concurrent_transfers_per_aggregator(const Scenario& s);

std::vector<std::string> speed_notes(const Scenario& s);

}  // namespace edgefleet::scenario
