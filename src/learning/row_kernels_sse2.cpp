// The row kernels for baseline x86-64: four floats per SSE2 register.
#include "learning/row_kernels.hpp"

namespace edgefleet::learning::kernel {
namespace {
#include "learning/row_kernels_impl.hpp"
typedef float V1 __attribute__((vector_size(4)));
}  // namespace

const RowKernels& sse2_row_kernels() {
  static const RowKernels k{"sse2", &logits<V4>, &logits_delta<V4>, &gradient<V4>, &evaluate<V4>};
  return k;
}

float exp_f32(float x) {
  // The same sequence on a one-lane vector.
  return exp_lanes<V1>(V1{x})[0];
}

}  // namespace edgefleet::learning::kernel
