#include "learning/standardize.hpp"

#include <cmath>
#include <stdexcept>

namespace edgefleet::learning {

void standardize(Dataset& train, Dataset& test) {
  if (train.features.cols() != test.features.cols())
    throw std::invalid_argument("standardize: train and test have different feature counts");
  const Eigen::Index n = train.features.rows();
  for (Eigen::Index j = 0; j < train.features.cols(); ++j) {
    // Statistics in double over the float column; the z-scores are stored back as float.
    const Eigen::ArrayXd col = train.features.col(j).cast<double>().array();
    const double mean = n > 0 ? col.mean() : 0.0;
    const double sd = n > 0 ? std::sqrt((col - mean).square().sum() / n) : 0.0;
    // The mean of n equal values can differ from them by rounding, so "constant" allows a
    // relative spread of 1e-12 instead of testing sd == 0.
    if (sd <= 1e-12 * std::max(1.0, std::abs(mean))) {
      train.features.col(j).setZero();
      test.features.col(j).setZero();
      continue;
    }
    train.features.col(j) = ((col - mean) / sd).cast<float>().matrix();
    test.features.col(j) =
        ((test.features.col(j).cast<double>().array() - mean) / sd).cast<float>().matrix();
  }
}

}  // namespace edgefleet::learning
