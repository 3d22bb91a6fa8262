#pragma once
// Client availability as an alternating renewal process: online and offline periods with
// exponential durations (means from the scenario), starting in the stationary state. A client
// that goes offline while it trains or transfers loses the round's work (a dropout). Each client
// draws from its own stream, extended lazily, so queries never depend on event order.
#include <cstdint>
#include <vector>

#include "core/rng.hpp"

namespace edgefleet::federated {

class AvailabilityTrace {
 public:
  // mean_online_s == 0: always online.
  AvailabilityTrace(double mean_online_s, double mean_offline_s, std::uint64_t seed,
                    std::int64_t client);

  bool online_at(double t_s);
  // True when the client stays online over the whole of [t0_s, t1_s].
  bool online_throughout(double t0_s, double t1_s);

 private:
  void extend_past(double t_s);
  // Index of the period containing t (periods alternate, the first one's state is first_online_).
  std::size_t period_of(double t_s);

  double mean_online_s_, mean_offline_s_;
  core::Rng rng_;
  bool first_online_ = true;
  std::vector<double> period_end_s_;  // increasing
};

}  // namespace edgefleet::federated
