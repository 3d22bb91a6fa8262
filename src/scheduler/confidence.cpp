#include "scheduler/confidence.hpp"

#include <cmath>

namespace edgefleet::scheduler {

double draw_confidence(double accuracy, core::Rng& rng) {
  if (accuracy >= 1) return 1;
  if (accuracy <= 0) return 0;
  return std::pow(core::uniform01(rng), (1 - accuracy) / accuracy);
}

double answer_locally_probability(double accuracy, double threshold) {
  if (accuracy >= 1) return 1;
  if (accuracy <= 0) return threshold <= 0 ? 1 : 0;
  return 1 - std::pow(threshold, accuracy / (1 - accuracy));
}

}  // namespace edgefleet::scheduler
