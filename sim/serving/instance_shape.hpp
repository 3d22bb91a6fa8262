#pragma once
// How a node runs model instances under the scenario's CPU limit: a container of `limit` cores
// (default: the whole host), as many in parallel as the cores allow. Shared by the serving engine
// (which runs them) and the policy adapter (which tells policies their speed).
#include <algorithm>
#include <cmath>

namespace edgefleet::sim::serving {

struct InstanceShape {
  int slots = 1;            // instances in parallel
  int threads = 1;          // threads of one instance's execution
  double speed_flops = 0;   // one instance running alone
  double bound_flops = -1;  // per-exec speed cap from a fractional limit, -1 = none
};

inline InstanceShape instance_shape(double host_speed_flops, int cores, double cpu_limit_cores) {
  InstanceShape s;
  const double limit =
      cpu_limit_cores > 0 ? std::min<double>(cpu_limit_cores, cores) : static_cast<double>(cores);
  s.slots = std::max(1, static_cast<int>(std::floor(cores / limit)));
  s.threads = std::max(1, static_cast<int>(std::ceil(limit)));
  const double per_core = host_speed_flops / cores;
  s.bound_flops = limit < s.threads ? limit * per_core : -1;
  s.speed_flops = limit * per_core;
  return s;
}

}  // namespace edgefleet::sim::serving
