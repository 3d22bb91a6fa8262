#include "scenario/speed_notes.hpp"

#include <algorithm>

namespace edgefleet::scenario {

std::int64_t concurrent_transfers_per_aggregator(const Scenario& s) {
  const FederatedSpec& f = s.federated;
  if (!f.enabled) return 0;
  std::int64_t n =
      f.mode == "async" && f.max_concurrency > 0 ? f.max_concurrency : f.clients_per_round;
  if (f.max_parallel_transfers > 0) n = std::min<std::int64_t>(n, f.max_parallel_transfers);
  return n;
}

std::vector<std::string> speed_notes(const Scenario& s) {
  std::vector<std::string> notes;
  const std::int64_t transfers = concurrent_transfers_per_aggregator(s);
  if (transfers > kManyConcurrentTransfers) {
    notes.push_back("/federated/max_parallel_transfers: up to " + std::to_string(transfers) +
                    " transfers at once through one aggregator, and SimGrid's bandwidth sharing "
                    "grows faster than quadratically with them (the 8,192-client, 5-round "
                    "benchmark runs about 10 times longer all at once than with 256 at a time); a "
                    "server's connection limit such as 256 keeps the run fast (docs/federated.md, "
                    "Speed)");
  }
  return notes;
}

}  // namespace edgefleet::scenario
