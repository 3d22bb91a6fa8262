#include "learning/argmax_logits.hpp"

#include <algorithm>

namespace edgefleet::learning {

namespace {
#include "learning/argmax_logits_impl.hpp"
typedef double D2 __attribute__((vector_size(16)));
}  // namespace

const ArgmaxKernel& argmax_kernel_sse2() {
  // 2 rows x 5 vectors (10 classes): 10 accumulators, 5 weights and a broadcast in 16 registers.
  static const ArgmaxKernel k{"sse2", 2, 2, &logits_rows<D2, 2, 5>};
  return k;
}

const ArgmaxKernel& argmax_kernel_avx2_unchecked();  // argmax_logits_avx2.cpp

const ArgmaxKernel* argmax_kernel_avx2() {
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  return has_avx2 ? &argmax_kernel_avx2_unchecked() : nullptr;
}

const ArgmaxKernel& argmax_kernel() {
  static const ArgmaxKernel& best =
      argmax_kernel_avx2() ? *argmax_kernel_avx2() : argmax_kernel_sse2();
  return best;
}

LogitsArgmax::LogitsArgmax(const Eigen::MatrixXd& w, const Eigen::RowVectorXd& b,
                           const ArgmaxKernel& kernel)
    : kernel_(kernel),
      d_(w.rows()),
      classes_(w.cols()),
      padded_((w.cols() + kernel.lanes - 1) / kernel.lanes * kernel.lanes),
      w_rm_(static_cast<std::size_t>(d_ * padded_), 0.0),
      bias_(static_cast<std::size_t>(padded_), 0.0) {
  for (Index k = 0; k < d_; ++k)
    for (Index c = 0; c < classes_; ++c) w_rm_[static_cast<std::size_t>(k * padded_ + c)] = w(k, c);
  for (Index c = 0; c < classes_; ++c) bias_[static_cast<std::size_t>(c)] = b(c);
}

void LogitsArgmax::label(const double* x, Index rows, int* labels) const {
  const Index tile_rows = kernel_.rows;
  std::vector<double> z(static_cast<std::size_t>(tile_rows * padded_));
  std::vector<double> tail;  // the last rows, the last one repeated: a tile reads tile_rows rows
  for (Index i = 0; i < rows; i += tile_rows) {
    const double* tile_x = x + i * d_;
    if (i + tile_rows > rows) {
      tail.assign(tile_x, x + rows * d_);
      while (static_cast<Index>(tail.size()) < tile_rows * d_)
        tail.insert(tail.end(), x + (rows - 1) * d_, x + rows * d_);
      tile_x = tail.data();
    }
    kernel_.logits_rows(tile_x, d_, w_rm_.data(), padded_, z.data());
    for (Index r = 0; r < tile_rows && i + r < rows; ++r) {
      const double* zr = z.data() + r * padded_;
      // As Eigen's maxCoeff: the first index of the largest value.
      Index best = 0;
      double best_z = zr[0] + bias_[0];
      for (Index c = 1; c < classes_; ++c) {
        const double v = zr[c] + bias_[static_cast<std::size_t>(c)];
        if (v > best_z) {
          best_z = v;
          best = c;
        }
      }
      labels[i + r] = static_cast<int>(best);
    }
  }
}

}  // namespace edgefleet::learning
