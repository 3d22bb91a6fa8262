#include "core/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/random_draws.hpp"

namespace edgefleet::core {

double Distribution::expected() const {
  switch (kind) {
    case Kind::kConstant:
      return value;
    case Kind::kUniform:
      return 0.5 * (min + max);
    case Kind::kNormal:
      return mean;
    case Kind::kLogNormal:
      return std::exp(mu + 0.5 * sigma * sigma);
    case Kind::kEmpirical:
      return values.empty() ? 0.0
                            : std::accumulate(values.begin(), values.end(), 0.0) / values.size();
  }
  return value;
}

double Distribution::draw(Rng& rng) const {
  switch (kind) {
    case Kind::kConstant:
      return value;
    case Kind::kUniform:
      return draw_uniform(rng, min, max);
    case Kind::kNormal:
      return std::max(draw_normal(rng, mean, stddev), 1e-3 * std::fabs(mean));
    case Kind::kLogNormal:
      return draw_lognormal(rng, mu, sigma);
    case Kind::kEmpirical: {
      const auto i = static_cast<std::size_t>(uniform01(rng) * values.size());
      return values[std::min(i, values.size() - 1)];
    }
  }
  return value;
}

double Distribution::lower_bound() const {
  switch (kind) {
    case Kind::kConstant:
      return value;
    case Kind::kUniform:
      return min;
    case Kind::kNormal:
      return 1e-3 * std::fabs(mean);
    case Kind::kLogNormal:
      return 0.0;
    case Kind::kEmpirical:
      return values.empty() ? 0.0 : *std::min_element(values.begin(), values.end());
  }
  return value;
}

std::string Distribution::kind_name() const {
  switch (kind) {
    case Kind::kConstant:
      return "constant";
    case Kind::kUniform:
      return "uniform";
    case Kind::kNormal:
      return "normal";
    case Kind::kLogNormal:
      return "lognormal";
    case Kind::kEmpirical:
      return "empirical";
  }
  return "?";
}

}  // namespace edgefleet::core
