#pragma once
// Logistic regression's parameters in the float kernels' layout (row_kernels.hpp): W row-major
// with the classes padded to padded_classes(C) (pad columns 0), then the padded bias. The model
// keeps the flat double vector [W (d x C, column-major) | b]; training and evaluation convert at
// their ends. float -> double is exact, so a model trained in float keeps its float values.
#include <vector>

#include <Eigen/Core>

namespace edgefleet::learning {

// theta ([W | b], W d x C column-major) rounded to float in the padded row-major layout.
std::vector<float> to_padded_float(const Eigen::VectorXd& theta, Eigen::Index d,
                                   Eigen::Index classes);

// The inverse: the padded layout back in the model's flat layout (pad columns dropped).
Eigen::VectorXd from_padded_float(const std::vector<float>& w, Eigen::Index d,
                                  Eigen::Index classes);

}  // namespace edgefleet::learning
