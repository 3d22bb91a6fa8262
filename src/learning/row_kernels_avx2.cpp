// The row kernels with eight floats per AVX2 register. CMake compiles this file alone with
// -mavx2 -mno-fma -ffp-contract=off (no FMA: the same roundings as the SSE2 build);
// row_kernels.cpp calls it only on a CPU that has AVX2.
#include "learning/row_kernels.hpp"

namespace edgefleet::learning::kernel {
namespace {
#include "learning/row_kernels_impl.hpp"
typedef float V8 __attribute__((vector_size(32)));
}  // namespace

const RowKernels& avx2_row_kernels_unchecked();
const RowKernels& avx2_row_kernels_unchecked() {
  static const RowKernels k{"avx2", &logits<V8>, &logits_delta<V8>, &gradient<V8>, &evaluate<V8>};
  return k;
}

}  // namespace edgefleet::learning::kernel
