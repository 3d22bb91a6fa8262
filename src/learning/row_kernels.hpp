#pragma once
// Multinomial logistic regression kernels in float32 (as federated frameworks train): a batch is
// a list of ROW POINTERS into a row-major float dataset (no gather copy), the weights are kept
// row-major with the classes padded to a multiple of 4 (W(k, c) at k * padded + c, pad columns
// zero). Lanes run across whatever keeps every lane busy: classes for the plain logits, rows for
// the fused forward passes (logits_delta, evaluate: their max, exp sum and label lookups become
// vector operations over rows), features for the gradient.
//
// Every output is a plain float sum in ONE fixed order (reduction index from 0 upwards, starting
// at +0, then bias + sum), and exp is one fixed sequence of float operations (exp_f32 in
// row_kernels_impl.hpp). Lanes hold different outputs, never parts of one sum, so the SSE2 (4
// floats) and AVX2 (8 floats) builds agree to the bit with a plain scalar loop; neither uses FMA
// (one rounding per multiply and per add, as baseline x86-64).
#include <cstddef>

namespace edgefleet::learning::kernel {

// The class count rounded up to the lane block every build handles (4 floats).
constexpr std::ptrdiff_t padded_classes(std::ptrdiff_t classes) {
  return (classes + 3) / 4 * 4;
}

struct RowKernels {
  const char* name;  // "sse2" or "avx2"
  // z[i * padded + c] = bias[c] + sum_{k < d} rows[i][k] * w_rm[k * padded + c], c < padded.
  void (*logits)(const float* const* rows, std::ptrdiff_t count, std::ptrdiff_t d,
                 const float* w_rm, const float* bias, std::ptrdiff_t padded, float* z);
  // z = the mean-loss gradient w.r.t. the rows' logits (as `logits` computes them):
  // delta(i, c) = (softmax_c - [c == labels[i]]) / count for c < classes, 0 in the pad columns.
  void (*logits_delta)(const float* const* rows, std::ptrdiff_t count, std::ptrdiff_t d,
                       const float* w_rm, const float* bias, std::ptrdiff_t padded,
                       std::ptrdiff_t classes, const int* labels, float* z);
  // g_rm[k * padded + c] = sum_{i < count} rows[i][k] * delta[i * padded + c] and
  // g_bias[c] = sum_i delta[i * padded + c].
  void (*gradient)(const float* const* rows, std::ptrdiff_t count, std::ptrdiff_t d,
                   const float* delta, std::ptrdiff_t padded, float* g_rm, float* g_bias);
  // Over the rows' logits: adds to *loss_sum the cross-entropy of each row,
  // log(sum_c exp(z_c - max)) - (z_y - max) taken in double, row by row in order, and to
  // *correct the rows whose label is the first arg-max. z: scratch for count x padded floats.
  void (*evaluate)(const float* const* rows, std::ptrdiff_t count, std::ptrdiff_t d,
                   const float* w_rm, const float* bias, std::ptrdiff_t padded,
                   std::ptrdiff_t classes, const int* labels, float* z, double* loss_sum,
                   long* correct);
};

// Baseline x86-64 (four floats per register).
const RowKernels& sse2_row_kernels();
// Eight floats per register; nullptr when the CPU has no AVX2.
const RowKernels* avx2_row_kernels();
// The widest the CPU runs, chosen once (identical results either way).
const RowKernels& row_kernels();

// exp(x) in float by the kernels' own sequence (scalar build of the same operations): 0 below
// -87 (where float's normal range ends), within 2 ulp of exp elsewhere (tested). For tests and
// reference loops.
float exp_f32(float x);

}  // namespace edgefleet::learning::kernel
