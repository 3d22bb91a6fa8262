#pragma once
// A scalar drawn per entity: a constant, or uniform / normal / lognormal / empirical.
// Parameters are in the base unit of the quantity the distribution describes.
#include <string>
#include <vector>

#include "core/rng.hpp"

namespace edgefleet::core {

struct Distribution {
  enum class Kind { kConstant, kUniform, kNormal, kLogNormal, kEmpirical };
  Kind kind = Kind::kConstant;
  double value = 0;             // kConstant
  double min = 0, max = 0;      // kUniform
  double mean = 0, stddev = 0;  // kNormal (draws clamped to >= min_positive)
  double mu = 0, sigma = 0;     // kLogNormal (of the underlying normal)
  std::vector<double> values;   // kEmpirical: one picked uniformly

  static Distribution constant(double v) {
    Distribution d;
    d.value = v;
    return d;
  }
  bool is_constant() const { return kind == Kind::kConstant; }
  // The expected value (used for planning estimates and in the resolved scenario).
  double expected() const;
  // Draws one value; normal draws are clamped to a small positive floor because the quantities
  // described (speeds, bandwidths, latencies) cannot be negative.
  double draw(Rng& rng) const;
  // Smallest value the distribution can produce (for validation of capacities).
  double lower_bound() const;
  std::string kind_name() const;
};

}  // namespace edgefleet::core
