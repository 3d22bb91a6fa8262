#pragma once
// Labels of generated data: the first arg-max over classes of each row's logits x W + b, in
// double. Every logit is the sum over features of x_k * W(k, c) (one multiply and one add per
// term, no FMA) from +0 in feature order, then + b_c: the order Eigen's product of a row block
// by W, then `rowwise() += b`, used before (kept so the Synthetic labels did not move). Lanes
// hold classes, never parts of one sum, so the vector width changes no bit.
#include <cstddef>
#include <vector>

#include <Eigen/Dense>

#include "learning/argmax_kernel.hpp"

namespace edgefleet::learning {

class LogitsArgmax {
 public:
  // W is d x C, b has C entries.
  LogitsArgmax(const Eigen::MatrixXd& w, const Eigen::RowVectorXd& b,
               const ArgmaxKernel& kernel = argmax_kernel());
  // labels[i] for the `rows` rows of x (row-major, d doubles per row).
  void label(const double* x, std::ptrdiff_t rows, int* labels) const;

 private:
  const ArgmaxKernel& kernel_;
  std::ptrdiff_t d_, classes_, padded_;
  std::vector<double> w_rm_;  // W(k, c) at k * padded_ + c, pad columns 0
  std::vector<double> bias_;  // padded_ entries, pad 0
};

}  // namespace edgefleet::learning
