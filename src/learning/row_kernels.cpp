#include "learning/row_kernels.hpp"

namespace edgefleet::learning::kernel {

const RowKernels& avx2_row_kernels_unchecked();  // row_kernels_avx2.cpp

const RowKernels* avx2_row_kernels() {
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  return has_avx2 ? &avx2_row_kernels_unchecked() : nullptr;
}

const RowKernels& row_kernels() {
  static const RowKernels& best = avx2_row_kernels() ? *avx2_row_kernels() : sse2_row_kernels();
  return best;
}

}  // namespace edgefleet::learning::kernel
