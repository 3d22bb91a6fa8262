#pragma once
// Arrival processes of one workload over its devices, as a pure generator of (time, device) in
// non-decreasing time. Devices are data: no timer or actor per device (DESIGN principle 5).
//   poisson   superposition of n independent Poisson(rate) devices = Poisson(n·rate), each arrival
//             at a uniformly chosen device (exact, O(1) per arrival)
//   periodic  device d fires at phase_d + k·period, phase_d ~ U[0, period) from its own stream;
//             phases sorted once, then arrivals are walked in order (O(1) per arrival)
//   bursty    fleet-wide on/off cycle (on_s then off_s): Poisson(n·rate) while on, silent while off
//   diurnal   non-homogeneous Poisson, rate·hourly[hour of day], by thinning (Lewis & Shedler 1979)
//   trace     rows of a CSV (time_s, device), device taken modulo the workload's device count
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/rng.hpp"
#include "scenario/scenario.hpp"

namespace edgefleet::workload {

struct Arrival {
  double time_s;
  std::int64_t device;  // index within the workload's device list
};

class ArrivalSource {
 public:
  virtual ~ArrivalSource() = default;
  // The next arrival strictly before `end_s`, or nullopt when there is none.
  virtual std::optional<Arrival> next(double end_s) = 0;
};

// `stream_id` identifies the workload so two workloads never share random draws.
std::unique_ptr<ArrivalSource> make_arrival_source(const scenario::ArrivalSpec& spec,
                                                   std::int64_t device_count, std::uint64_t seed,
                                                   std::uint64_t stream_id);

// Mean arrivals per second over the whole workload (for progress and sizing estimates).
double mean_arrival_rate_per_s(const scenario::ArrivalSpec& spec, std::int64_t device_count);

}  // namespace edgefleet::workload
