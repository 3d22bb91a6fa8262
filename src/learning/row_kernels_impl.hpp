#pragma once
// The kernels of row_kernels.hpp for one vector type V (GCC vector extension of 2 or 4
// doubles). Included by exactly one translation unit per instruction set, inside an anonymous
// namespace: it includes no library header, so nothing compiled for AVX2 can be merged by the
// linker into code that runs on a CPU without it.
#include <cstddef>

using Index = std::ptrdiff_t;

typedef double V2 __attribute__((vector_size(16)));

template <typename V>
constexpr int kLanes = sizeof(V) / sizeof(double);

template <typename V>
[[gnu::always_inline]] inline V load(const double* p) {
  V v;
  __builtin_memcpy(&v, p, sizeof v);  // unaligned
  return v;
}
// One broadcast instruction (an element loop compiles to a shuffle sequence); keeps -0.0, which
// 0.0 + s would not.
template <typename V>
[[gnu::always_inline]] inline V splat(double s) {
  if constexpr (kLanes<V> == 4)
    return V{s, s, s, s};
  else
    return V{s, s};
}
// Lane l goes to p[l * stride]: a vector store when the lanes are contiguous.
template <typename V>
[[gnu::always_inline]] inline void store(double* p, Index stride, V v) {
  if (stride == 1) {
    __builtin_memcpy(p, &v, sizeof v);
    return;
  }
  for (int l = 0; l < kLanes<V>; ++l) p[l * stride] = v[l];
}

// kRows rows x kVecs vectors of classes: t = feature k, acc += W(k, classes) * x(row, k).
template <int kRows, int kVecs, typename V>
void logits_tile(const double* const* rows, Index d, const double* w, Index w_stride,
                 const double* bias, double* z, Index z_row, Index z_col) {
  constexpr int L = kLanes<V>;
  V acc[kRows][kVecs];
  for (auto& r : acc)
    for (auto& a : r) a = splat<V>(0.0);
  for (Index k = 0; k < d; ++k) {
    V wv[kVecs];
    for (int p = 0; p < kVecs; ++p) wv[p] = load<V>(w + k * w_stride + p * L);
    for (int r = 0; r < kRows; ++r) {
      const V s = splat<V>(rows[r][k]);
      for (int p = 0; p < kVecs; ++p) acc[r][p] = acc[r][p] + wv[p] * s;
    }
  }
  for (int r = 0; r < kRows; ++r)
    for (int p = 0; p < kVecs; ++p)
      store<V>(z + r * z_row + p * L * z_col, z_col, load<V>(bias + p * L) + acc[r][p]);
}

template <int kRows, typename V>
void logits_rows(const double* const* rows, Index d, const double* w, const double* bias,
                 Index classes, double* z, Index z_row, Index z_col) {
  constexpr int L = kLanes<V>;
  Index c = 0;
  for (; c + 2 * L <= classes; c += 2 * L)
    logits_tile<kRows, 2, V>(rows, d, w + c, classes, bias + c, z + c * z_col, z_row, z_col);
  for (; c + L <= classes; c += L)
    logits_tile<kRows, 1, V>(rows, d, w + c, classes, bias + c, z + c * z_col, z_row, z_col);
  if constexpr (L > 2)
    for (; c + 2 <= classes; c += 2)
      logits_tile<kRows, 1, V2>(rows, d, w + c, classes, bias + c, z + c * z_col, z_row, z_col);
  for (; c < classes; ++c)  // the last class of an odd count
    for (int r = 0; r < kRows; ++r) {
      double acc = 0;
      for (Index k = 0; k < d; ++k) acc = acc + w[k * classes + c] * rows[r][k];
      z[r * z_row + c * z_col] = bias[c] + acc;
    }
}

template <typename V>
void logits(const double* const* rows, Index count, Index d, const double* w, const double* bias,
            Index classes, double* z, Index z_row, Index z_col) {
  Index i = 0;
  for (; i + 4 <= count; i += 4)
    logits_rows<4, V>(rows + i, d, w, bias, classes, z + i * z_row, z_row, z_col);
  for (; i + 2 <= count; i += 2)
    logits_rows<2, V>(rows + i, d, w, bias, classes, z + i * z_row, z_row, z_col);
  if (i < count) logits_rows<1, V>(rows + i, d, w, bias, classes, z + i * z_row, z_row, z_col);
}

// kFeatures features x kVecs vectors of classes: t = row i, acc += delta(i, classes) * x(i, k).
template <int kFeatures, int kVecs, typename V>
void gradient_tile(const double* const* rows, Index count, Index k0, const double* delta,
                   Index classes, double* g) {
  constexpr int L = kLanes<V>;
  V acc[kFeatures][kVecs];
  for (auto& f : acc)
    for (auto& a : f) a = splat<V>(0.0);
  for (Index i = 0; i < count; ++i) {
    V dv[kVecs];
    for (int p = 0; p < kVecs; ++p) dv[p] = load<V>(delta + i * classes + p * L);
    for (int f = 0; f < kFeatures; ++f) {
      const V s = splat<V>(rows[i][k0 + f]);
      for (int p = 0; p < kVecs; ++p) acc[f][p] = acc[f][p] + dv[p] * s;
    }
  }
  for (int f = 0; f < kFeatures; ++f)
    for (int p = 0; p < kVecs; ++p) store<V>(g + (k0 + f) * classes + p * L, 1, acc[f][p]);
}

template <int kFeatures, typename V>
void gradient_features(const double* const* rows, Index count, Index k0, const double* delta,
                       Index classes, double* g) {
  constexpr int L = kLanes<V>;
  Index c = 0;
  for (; c + 2 * L <= classes; c += 2 * L)
    gradient_tile<kFeatures, 2, V>(rows, count, k0, delta + c, classes, g + c);
  for (; c + L <= classes; c += L)
    gradient_tile<kFeatures, 1, V>(rows, count, k0, delta + c, classes, g + c);
  if constexpr (L > 2)
    for (; c + 2 <= classes; c += 2)
      gradient_tile<kFeatures, 1, V2>(rows, count, k0, delta + c, classes, g + c);
  for (; c < classes; ++c)
    for (int f = 0; f < kFeatures; ++f) {
      double acc = 0;
      for (Index i = 0; i < count; ++i) acc = acc + delta[i * classes + c] * rows[i][k0 + f];
      g[(k0 + f) * classes + c] = acc;
    }
}

template <typename V>
void gradient(const double* const* rows, Index count, Index d, const double* delta, Index classes,
              double* g, double* g_bias) {
  Index k = 0;
  for (; k + 4 <= d; k += 4) gradient_features<4, V>(rows, count, k, delta, classes, g);
  for (; k + 2 <= d; k += 2) gradient_features<2, V>(rows, count, k, delta, classes, g);
  if (k < d) gradient_features<1, V>(rows, count, k, delta, classes, g);
  for (Index c = 0; c < classes; ++c) {
    double sum = 0;
    for (Index i = 0; i < count; ++i) sum = sum + delta[i * classes + c];
    g_bias[c] = sum;
  }
}
