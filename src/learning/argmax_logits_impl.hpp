#pragma once
// The logits tiles of LogitsArgmax for one vector type D (GCC vector extension of 2 or 4
// doubles). Included by exactly one translation unit per instruction set, inside an anonymous
// namespace, and includes no library header (as row_kernels_impl.hpp, for the same reason: no
// AVX2 code may reach a CPU without it through a merged inline function).
#include <cstddef>

#include "learning/vector_memory_impl.hpp"

using Index = std::ptrdiff_t;

template <typename D>
constexpr int kDoubleLanes = sizeof(D) / sizeof(double);

// One broadcast (not `D{} + s`: adding +0 is not an identity for -0, so it stays an add).
template <typename D>
[[gnu::always_inline]] inline D splat_double(double s) {
  if constexpr (kDoubleLanes<D> == 4)
    return D{s, s, s, s};
  else
    return D{s, s};
}

// z[r * padded + c] for kRows rows of x (d doubles each) and the kVecs class vectors at `w`
// (row-major, `padded` columns): each sum over features in order, from +0, one multiply and one
// add per term.
template <typename D, int kRows, int kVecs>
void logits_tile(const double* x, Index d, const double* w, Index padded, double* z) {
  constexpr int L = kDoubleLanes<D>;
  D acc[kRows][kVecs];
  for (auto& row : acc)
    for (auto& a : row) a = splat_double<D>(0.0);
  for (Index k = 0; k < d; ++k) {
    D wv[kVecs];
    for (int p = 0; p < kVecs; ++p) wv[p] = load<D>(w + k * padded + p * L);
    for (int r = 0; r < kRows; ++r) {
      const D xs = splat_double<D>(x[r * d + k]);
      for (int p = 0; p < kVecs; ++p) acc[r][p] = acc[r][p] + wv[p] * xs;
    }
  }
  for (int r = 0; r < kRows; ++r)
    for (int p = 0; p < kVecs; ++p) store<D>(z + r * padded + p * L, acc[r][p]);
}

// Every class chunk of kRows rows, kMaxVecs vectors (kMaxVecs * L classes) at a time.
template <typename D, int kRows, int kMaxVecs>
void logits_rows(const double* x, Index d, const double* w, Index padded, double* z) {
  constexpr int L = kDoubleLanes<D>;
  Index c = 0;
  for (; c + kMaxVecs * L <= padded; c += kMaxVecs * L)
    logits_tile<D, kRows, kMaxVecs>(x, d, w + c, padded, z + c);
  // The last, narrower chunk: one vector at a time.
  for (; c < padded; c += L) logits_tile<D, kRows, 1>(x, d, w + c, padded, z + c);
}
