#include "learning/standardize.hpp"

#include <cmath>
#include <stdexcept>

namespace edgefleet::learning {

void standardize(Dataset& train, Dataset& test) {
  if (train.features.cols() != test.features.cols())
    throw std::invalid_argument("standardize: train and test have different feature counts");
  const Eigen::Index n = train.features.rows();
  for (Eigen::Index j = 0; j < train.features.cols(); ++j) {
    const double mean = n > 0 ? train.features.col(j).mean() : 0.0;
    const double sd =
        n > 0 ? std::sqrt((train.features.col(j).array() - mean).square().sum() / n) : 0.0;
    // The mean of n equal values can differ from them by rounding, so "constant" allows a
    // relative spread of 1e-12 instead of testing sd == 0.
    if (sd <= 1e-12 * std::max(1.0, std::abs(mean))) {
      train.features.col(j).setZero();
      test.features.col(j).setZero();
      continue;
    }
    train.features.col(j) = (train.features.col(j).array() - mean) / sd;
    test.features.col(j) = (test.features.col(j).array() - mean) / sd;
  }
}

}  // namespace edgefleet::learning
