#pragma once
// Labelled samples for real training numerics: one row of `features` per sample.
#include <cstddef>
#include <vector>

#include <Eigen/Dense>

namespace edgefleet::learning {

// Row-major: one sample's features are contiguous, so minibatch SGD gathers a row with one
// streaming read and evaluation walks the data front to back (column-major rows were d strided
// loads, one page each on a large client). float32, as federated frameworks store and train on
// data: half the memory and memory traffic of double (3.7 M Synthetic rows: 0.9 GB, not 1.8), and
// twice the SIMD lanes for logistic regression's float kernels (row_kernels.hpp). Models that
// compute in double (the MLP) widen each batch or chunk as they read it.
using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Dataset {
  FeatureMatrix features;   // n x d
  std::vector<int> labels;  // n, in [0, num_classes)
  int num_classes = 0;

  std::size_t size() const { return labels.size(); }
  int dim() const { return static_cast<int>(features.cols()); }
};

// The rows listed, in that order.
Dataset subset(const Dataset& d, const std::vector<std::size_t>& rows);

// One federated client's data.
struct ClientData {
  Dataset train, test;
};

}  // namespace edgefleet::learning
