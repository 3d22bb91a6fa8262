#pragma once
// Portable samplers: the same bits on every standard library (std::normal_distribution and
// friends are implementation-defined, which would break byte-identical outputs across machines).
#include <cmath>
#include <cstddef>
#include <numbers>

#include "core/rng.hpp"
#include "core/ziggurat.hpp"

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

// n standard normals in one fixed order, by the ziggurat (core/ziggurat.hpp): for bulk data (a
// dataset's features), where Box-Muller's log and sincos per pair dominated. Not the same values
// as n calls to draw_standard_normal.
inline void fill_standard_normal(Rng& rng, double* out, std::size_t n) {
  const ZigguratTables& tables = ziggurat_tables();
  for (std::size_t i = 0; i < n; ++i) out[i] = draw_standard_normal_ziggurat(rng, tables);
}

inline double draw_normal(Rng& rng, double mean, double stddev) {
  return mean + stddev * draw_standard_normal(rng);
}

inline double draw_lognormal(Rng& rng, double mu, double sigma) {
  return std::exp(draw_normal(rng, mu, sigma));
}

}  // namespace edgefleet::core
