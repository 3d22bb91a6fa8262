#pragma once
// Multinomial logistic regression kernels that read a batch as a list of ROW POINTERS into a
// row-major dataset (no gather copy) and keep the weights row-major (W(k, c) at k * classes + c,
// classes contiguous), so both products run across classes in SIMD lanes.
//
// Every output is a plain sum in ONE fixed order (reduction index from 0 upwards, starting at
// +0, then bias + sum): the same order as softmax_kernel.hpp, so both give the same bits. Lanes
// hold different outputs, never parts of one sum, so the SSE2 and AVX2 builds below agree to the
// bit; neither uses FMA (one rounding per multiply and per add, as baseline x86-64).
#include <cstddef>

namespace edgefleet::learning::kernel {

struct RowKernels {
  const char* name;  // "sse2" or "avx2"
  // z[i * z_row + c * z_col] = bias[c] + sum_{k < d} rows[i][k] * w_rm[k * classes + c].
  void (*logits)(const double* const* rows, std::ptrdiff_t count, std::ptrdiff_t d,
                 const double* w_rm, const double* bias, std::ptrdiff_t classes, double* z,
                 std::ptrdiff_t z_row, std::ptrdiff_t z_col);
  // g_rm[k * classes + c] = sum_{i < count} rows[i][k] * delta_rm[i * classes + c] and
  // g_bias[c] = sum_i delta_rm[i * classes + c].
  void (*gradient)(const double* const* rows, std::ptrdiff_t count, std::ptrdiff_t d,
                   const double* delta_rm, std::ptrdiff_t classes, double* g_rm, double* g_bias);
};

// Baseline x86-64 (two doubles per register).
const RowKernels& sse2_row_kernels();
// Four doubles per register; nullptr when the CPU has no AVX2.
const RowKernels* avx2_row_kernels();
// The widest the CPU runs, chosen once (identical results either way).
const RowKernels& row_kernels();

}  // namespace edgefleet::learning::kernel
