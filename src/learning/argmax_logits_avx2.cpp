// LogitsArgmax's tiles with four doubles per AVX2 register. CMake compiles this file alone with
// -mavx2 -mno-fma -ffp-contract=off (no FMA: the roundings of the SSE2 build);
// argmax_logits.cpp calls it only on a CPU that has AVX2.
#include "learning/argmax_kernel.hpp"

namespace edgefleet::learning {
namespace {
#include "learning/argmax_logits_impl.hpp"
typedef double D4 __attribute__((vector_size(32)));
}  // namespace

const ArgmaxKernel& argmax_kernel_avx2_unchecked();
const ArgmaxKernel& argmax_kernel_avx2_unchecked() {
  // 4 rows x 3 vectors (12 classes): 12 accumulators, 3 weights and a broadcast in 16 registers.
  static const ArgmaxKernel k{"avx2", 4, 4, &logits_rows<D4, 4, 3>};
  return k;
}

}  // namespace edgefleet::learning
