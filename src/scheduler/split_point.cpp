#include "scheduler/split_point.hpp"

#include <stdexcept>

namespace edgefleet::scheduler {

namespace {

struct Parts {
  double local_flops = 0;
  double remote_flops = 0;
  double transfer_bytes = 0;
};

Parts parts_at(std::span<const scenario::ModelLayer> layers, std::size_t k, const SplitCosts& c) {
  Parts p;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    (i < k ? p.local_flops : p.remote_flops) += layers[i].flops;
  }
  if (k < layers.size()) p.transfer_bytes = k == 0 ? c.input_bytes : layers[k - 1].output_bytes;
  return p;
}

double time_of(const Parts& p, const SplitCosts& c) {
  double t = p.local_flops / c.local_speed_flops;
  if (p.remote_flops > 0 || p.transfer_bytes > 0) {
    t += c.link_latency_s + 8 * p.transfer_bytes / c.link_bandwidth_bps;  // bit/s
    t += p.remote_flops / c.remote_speed_flops;
    // The remote side answers: its output crosses the same link back.
    t += c.link_latency_s + 8 * c.output_bytes / c.link_bandwidth_bps;
  }
  return t;
}

}  // namespace

double split_time_s(std::span<const scenario::ModelLayer> layers, std::size_t k,
                    const SplitCosts& c) {
  return time_of(parts_at(layers, k, c), c);
}

SplitChoice choose_split(std::span<const scenario::ModelLayer> layers, const SplitCosts& c) {
  if (layers.empty()) throw std::invalid_argument("choose_split needs a layer table");
  SplitChoice best;
  for (std::size_t k = 0; k <= layers.size(); ++k) {
    const Parts p = parts_at(layers, k, c);
    const double t = time_of(p, c);
    if (k == 0 || t < best.estimated_s) {
      best = {k, p.local_flops, p.remote_flops, p.transfer_bytes, t};
    }
  }
  return best;
}

}  // namespace edgefleet::scheduler
