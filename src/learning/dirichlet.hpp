#pragma once
// Gamma and Dirichlet draws built only on core::uniform01 and the Box-Muller normal, so the
// same seed gives the same draws on every standard library (std::gamma_distribution's
// algorithm is implementation-defined).
#include <cmath>
#include <vector>

#include "core/rng.hpp"

namespace edgefleet::learning {

// log of a Gamma(shape, 1) draw, shape > 0. Marsaglia & Tsang (2000) for shape >= 1; for
// shape < 1 their boost Gamma(shape) = Gamma(shape + 1) U^(1/shape), kept in log space because
// U^(1/shape) underflows to 0 for small shapes (U = 1e-3, shape = 0.01 gives 1e-300).
double draw_log_gamma(core::Rng& rng, double shape);

inline double draw_gamma(core::Rng& rng, double shape) {
  return std::exp(draw_log_gamma(rng, shape));
}

// Proportions p ~ Dir(alpha, ..., alpha) over k parts (p_i = G_i / sum G, G_i ~ Gamma(alpha)),
// normalised in log space so they sum to 1 even when every G_i underflows.
std::vector<double> draw_symmetric_dirichlet(core::Rng& rng, double alpha, int k);

}  // namespace edgefleet::learning
