#include "learning/logistic_layout.hpp"

#include "learning/row_kernels.hpp"

namespace edgefleet::learning {

std::vector<float> to_padded_float(const Eigen::VectorXd& theta, Eigen::Index d,
                                   Eigen::Index classes) {
  const Eigen::Index padded = kernel::padded_classes(classes);
  std::vector<float> w(static_cast<std::size_t>((d + 1) * padded), 0.0f);
  for (Eigen::Index k = 0; k <= d; ++k)  // k == d: the bias row
    for (Eigen::Index c = 0; c < classes; ++c)
      w[static_cast<std::size_t>(k * padded + c)] =
          static_cast<float>(k < d ? theta(c * d + k) : theta(d * classes + c));
  return w;
}

Eigen::VectorXd from_padded_float(const std::vector<float>& w, Eigen::Index d,
                                  Eigen::Index classes) {
  const Eigen::Index padded = kernel::padded_classes(classes);
  Eigen::VectorXd theta((d + 1) * classes);
  for (Eigen::Index k = 0; k <= d; ++k)
    for (Eigen::Index c = 0; c < classes; ++c)
      (k < d ? theta(c * d + k) : theta(d * classes + c)) =
          w[static_cast<std::size_t>(k * padded + c)];
  return theta;
}

}  // namespace edgefleet::learning
