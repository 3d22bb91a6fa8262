#include "scheduler/latency_estimate.hpp"

#include <algorithm>

namespace edgefleet::scheduler {

double transfer_estimate_s(const NodeView& n, double bytes) {
  if (n.hops == 0) return 0;
  return n.path_latency_s + 8 * bytes / n.path_bandwidth_bps;  // bandwidth in bit/s
}

double wait_estimate_s(const NodeView& n, double service_s) {
  const int backlog = n.busy_slots + n.queue_length - n.slots + 1;
  if (backlog <= 0) return 0;
  return static_cast<double>(backlog) / std::max(1, n.slots) * service_s;
}

double estimate_latency_s(const NodeView& n, double flops, double input_bytes,
                          double output_bytes) {
  const double service_s = flops / n.instance_speed_flops;
  return transfer_estimate_s(n, input_bytes) + wait_estimate_s(n, service_s) + service_s +
         transfer_estimate_s(n, output_bytes);
}

double estimate_latency_s(const NodeView& n, const RequestView& r) {
  return estimate_latency_s(n, n.variant_flops, r.input_bytes, r.output_bytes);
}

}  // namespace edgefleet::scheduler
