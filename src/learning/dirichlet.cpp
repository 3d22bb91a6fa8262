#include "learning/dirichlet.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/random_draws.hpp"

namespace edgefleet::learning {

double draw_log_gamma(core::Rng& rng, double shape) {
  if (!(shape > 0)) throw std::invalid_argument("gamma shape must be positive");
  if (shape < 1) {
    const double u = 1.0 - core::uniform01(rng);  // (0, 1]: log never sees 0
    return draw_log_gamma(rng, shape + 1) + std::log(u) / shape;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = core::draw_standard_normal(rng);
    const double t = 1.0 + c * x;
    if (t <= 0) continue;
    const double v = t * t * t;
    const double u = 1.0 - core::uniform01(rng);
    // Squeeze test first (cheap), then the exact log acceptance test.
    if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
      return std::log(d) + std::log(v);
  }
}

std::vector<double> draw_symmetric_dirichlet(core::Rng& rng, double alpha, int k) {
  if (k <= 0) throw std::invalid_argument("a Dirichlet draw needs at least one part");
  std::vector<double> p(static_cast<std::size_t>(k));
  for (double& x : p) x = draw_log_gamma(rng, alpha);
  const double top = *std::max_element(p.begin(), p.end());
  double sum = 0;
  for (double& x : p) sum += (x = std::exp(x - top));
  for (double& x : p) x /= sum;
  return p;
}

}  // namespace edgefleet::learning
