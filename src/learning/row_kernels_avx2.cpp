// The row kernels with four doubles per AVX2 register. CMake compiles this file alone with
// -mavx2 -ffp-contract=off (no FMA: the same roundings as the SSE2 build); row_kernels.cpp calls
// it only on a CPU that has AVX2.
#include "learning/row_kernels.hpp"

namespace edgefleet::learning::kernel {
namespace {
#include "learning/row_kernels_impl.hpp"
typedef double V4 __attribute__((vector_size(32)));
}  // namespace

const RowKernels& avx2_row_kernels_unchecked();
const RowKernels& avx2_row_kernels_unchecked() {
  static const RowKernels k{"avx2", &logits<V4>, &gradient<V4>};
  return k;
}

}  // namespace edgefleet::learning::kernel
