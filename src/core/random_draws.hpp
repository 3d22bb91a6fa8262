#pragma once
// Portable samplers: the same bits on every standard library (std::normal_distribution and
// friends are implementation-defined, which would break byte-identical outputs across machines).
#include <cmath>
#include <cstddef>
#include <numbers>

#include "core/rng.hpp"

namespace edgefleet::core {

inline double draw_uniform(Rng& rng, double lo, double hi) {
  return lo + (hi - lo) * uniform01(rng);
}

// Exponential with the given rate (mean 1/rate), by inversion.
inline double draw_exponential(Rng& rng, double rate) {
  return -std::log1p(-uniform01(rng)) / rate;
}

// Standard normal by Box–Muller; uses one pair per call (no cached second value, so a stream's
// draws do not depend on how calls interleave with other draws).
inline double draw_standard_normal(Rng& rng) {
  const double u1 = 1.0 - uniform01(rng);  // (0, 1]
  const double u2 = uniform01(rng);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// n standard normals, both values of each Box–Muller pair used: half the draws of n calls to
// draw_standard_normal. For bulk data (a dataset's features) drawn in one fixed order.
inline void fill_standard_normal(Rng& rng, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; i += 2) {
    const double u1 = 1.0 - uniform01(rng);  // (0, 1]
    const double u2 = uniform01(rng);
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    out[i] = r * std::cos(angle);
    if (i + 1 < n) out[i + 1] = r * std::sin(angle);
  }
}

inline double draw_normal(Rng& rng, double mean, double stddev) {
  return mean + stddev * draw_standard_normal(rng);
}

inline double draw_lognormal(Rng& rng, double mu, double sigma) {
  return std::exp(draw_normal(rng, mu, sigma));
}

}  // namespace edgefleet::core
