#pragma once
// The instruction-set kernels behind LogitsArgmax (argmax_logits.hpp). Only <cstddef> here: the
// AVX2 translation unit includes this header, and no library code may be compiled into it (an
// inline function compiled for AVX2 could be the copy the linker keeps for every caller).
#include <cstddef>

namespace edgefleet::learning {

// One instruction set's tiles: `rows` rows at a time, classes padded to a multiple of `lanes`.
struct ArgmaxKernel {
  const char* name;  // "sse2" or "avx2"
  int lanes;         // doubles per register
  int rows;          // rows per tile
  // z[r * padded + c] = sum_k x[r * d + k] * w[k * padded + c] for r < rows, c < padded.
  void (*logits_rows)(const double* x, std::ptrdiff_t d, const double* w, std::ptrdiff_t padded,
                      double* z);
};
const ArgmaxKernel& argmax_kernel_sse2();  // baseline x86-64
const ArgmaxKernel* argmax_kernel_avx2();  // nullptr when the CPU has no AVX2
const ArgmaxKernel& argmax_kernel();       // the widest the CPU runs (same labels either way)

}  // namespace edgefleet::learning
