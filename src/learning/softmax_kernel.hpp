#pragma once
// Hand-tight kernels for multinomial logistic regression (a DenseLayers net without hidden
// layers) on small minibatches: b = 10 rows x d = 60 features x C = 10 classes is ~6,000
// multiply-adds, where Eigen's general matrix product spends more time packing operands than
// multiplying. Every output is a plain sum taken in ONE fixed order (the reduction index from 0
// upwards, starting at +0), so results are the same on any x86-64 machine, at any batch size and
// for any thread count; no FMA contraction (baseline x86-64 has none), no -ffast-math.
//
// All matrices are column-major with an explicit leading dimension (the stride between columns).
#include <Eigen/Core>

namespace edgefleet::learning::kernel {

using Eigen::Index;

// z(i, c) = bias(c) + sum_{k = 0..d-1} x(i, k) w(k, c), for i < rows, c < classes.
// x: rows x d (leading dimension ldx); w: d x classes (leading dimension d); z: ldz.
void affine_logits(const double* x, Index ldx, Index rows, Index d, const double* w,
                   const double* bias, Index classes, double* z, Index ldz);

// grad_w(k, c) = sum_{i = 0..rows-1} x(i, k) delta_rm(i, c) and grad_b(c) = sum_i delta_rm(i, c).
// x: rows x d column-major (ldx); delta_rm: rows x classes ROW-major (classes contiguous, so the
// kernel runs across classes two at a time); grad_w: d x classes column-major (leading dim d).
void softmax_weight_gradient(const double* x, Index ldx, Index rows, Index d,
                             const double* delta_rm, Index classes, double* grad_w, double* grad_b);

}  // namespace edgefleet::learning::kernel
