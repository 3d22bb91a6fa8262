// The row kernels for baseline x86-64: two doubles per SSE2 register.
#include "learning/row_kernels.hpp"

namespace edgefleet::learning::kernel {
namespace {
#include "learning/row_kernels_impl.hpp"
}  // namespace

const RowKernels& sse2_row_kernels() {
  static const RowKernels k{"sse2", &logits<V2>, &gradient<V2>};
  return k;
}

}  // namespace edgefleet::learning::kernel
