#pragma once
// The kernels of row_kernels.hpp for one vector type V (GCC vector extension of 4 or 8 floats).
// Included by exactly one translation unit per instruction set, inside an anonymous namespace:
// it includes no library header, so nothing compiled for AVX2 can be merged by the linker into
// code that runs on a CPU without it. Every lane runs the same operations as the scalar loop of
// row_kernels.hpp (a lane is one output), which is why the builds give the same bits.
#include <cstddef>

using Index = std::ptrdiff_t;

typedef float V4 __attribute__((vector_size(16)));

template <typename V>
constexpr int kLanes = sizeof(V) / sizeof(float);
// The signed 32-bit vector a comparison of two V gives.
template <typename V>
using IntOf = decltype(V{} < V{});

template <typename V>
[[gnu::always_inline]] inline V load(const float* p) {
  V v;
  __builtin_memcpy(&v, p, sizeof v);  // unaligned
  return v;
}
template <typename V>
[[gnu::always_inline]] inline void store(float* p, V v) {
  __builtin_memcpy(p, &v, sizeof v);
}
// One broadcast (an element loop compiles to a shuffle sequence); keeps -0.0f.
template <typename V>
[[gnu::always_inline]] inline V splat(float s) {
  if constexpr (kLanes<V> == 8)
    return V{s, s, s, s, s, s, s, s};
  else if constexpr (kLanes<V> == 4)
    return V{s, s, s, s};
  else
    return V{s};
}
template <typename V>
[[gnu::always_inline]] inline IntOf<V> lane_index(int first) {
  if constexpr (kLanes<V> == 8)
    return IntOf<V>{first,     first + 1, first + 2, first + 3,
                    first + 4, first + 5, first + 6, first + 7};
  else
    return IntOf<V>{first, first + 1, first + 2, first + 3};
}

// exp for x <= 0 lanes (Cephes expf): 2^n e^r with n = round(x log2 e), r = x - n ln 2 in two
// parts, e^r by its degree-7 Taylor-like polynomial. Below -87 the result is 0 (2^n would leave
// float's normal range). Rounding to an integer adds and subtracts 1.5 * 2^23, which rounds to
// nearest on SSE2 without the SSE4.1 round instruction. exp_f32 runs the same sequence on floats.
template <typename V>
[[gnu::always_inline]] inline V exp_lanes(V x) {
  using I = IntOf<V>;
  const V lowest = splat<V>(-87.0f);
  const I keep = x >= lowest;
  x = (V)((keep & (I)x) | (~keep & (I)lowest));
  const V magic = splat<V>(12582912.0f);
  const V n = (x * splat<V>(1.44269504088896341f) + magic) - magic;
  V r = x - n * splat<V>(0.693359375f);
  r = r - n * splat<V>(-2.12194440e-4f);
  V p = splat<V>(1.9875691500e-4f);
  p = p * r + splat<V>(1.3981999507e-3f);
  p = p * r + splat<V>(8.3334519073e-3f);
  p = p * r + splat<V>(4.1665795894e-2f);
  p = p * r + splat<V>(1.6666665459e-1f);
  p = p * r + splat<V>(5.0000001201e-1f);
  V y = p * (r * r) + r + splat<V>(1.0f);
  const I exponent = (__builtin_convertvector(n, I) + 127) << 23;
  y = y * (V)exponent;
  return (V)(keep & (I)y);
}

// The register tile both products share: a kA x kVecs block of accumulators, updated `steps`
// times with the outer product of kVecs vectors of classes (vectors_at(t)) and kA scalars
// (scalar_at(t, a)): acc[a][p] += vectors[p] * scalar, one multiply and one add (no FMA), in
// t order. The logits and the gradient differ only in what t, a and the two sources index.
template <int kA, int kVecs, typename V, typename Vectors, typename Scalar>
[[gnu::always_inline]] inline void accumulate_outer(V (&acc)[kA][kVecs], Index steps,
                                                    Vectors vectors_at, Scalar scalar_at) {
  constexpr int L = kLanes<V>;
  for (auto& row : acc)
    for (auto& a : row) a = splat<V>(0.0f);
  for (Index t = 0; t < steps; ++t) {
    const float* v = vectors_at(t);
    V vv[kVecs];
    for (int p = 0; p < kVecs; ++p) vv[p] = load<V>(v + p * L);
    for (int a = 0; a < kA; ++a) {
      const V s = splat<V>(scalar_at(t, a));
      for (int p = 0; p < kVecs; ++p) acc[a][p] = acc[a][p] + vv[p] * s;
    }
  }
}

// kRows rows x kVecs vectors of classes: t = feature k, acc += W(k, classes) * x(row, k).
template <int kRows, int kVecs, typename V>
void logits_tile(const float* const* rows, Index d, const float* w, Index padded, const float* bias,
                 float* z) {
  constexpr int L = kLanes<V>;
  V acc[kRows][kVecs];
  accumulate_outer<kRows, kVecs, V>(
      acc, d, [&](Index k) { return w + k * padded; }, [&](Index k, int r) { return rows[r][k]; });
  for (int r = 0; r < kRows; ++r)
    for (int p = 0; p < kVecs; ++p)
      store<V>(z + r * padded + p * L, load<V>(bias + p * L) + acc[r][p]);
}

template <int kRows, typename V>
void logits_rows(const float* const* rows, Index d, const float* w, const float* bias, Index padded,
                 float* z) {
  constexpr int L = kLanes<V>;
  Index c = 0;
  for (; c + 2 * L <= padded; c += 2 * L)
    logits_tile<kRows, 2, V>(rows, d, w + c, padded, bias + c, z + c);
  for (; c + L <= padded; c += L) logits_tile<kRows, 1, V>(rows, d, w + c, padded, bias + c, z + c);
  if constexpr (L > 4)
    for (; c < padded; c += 4) logits_tile<kRows, 1, V4>(rows, d, w + c, padded, bias + c, z + c);
}

template <typename V>
void logits(const float* const* rows, Index count, Index d, const float* w, const float* bias,
            Index padded, float* z) {
  Index i = 0;
  for (; i + 4 <= count; i += 4) logits_rows<4, V>(rows + i, d, w, bias, padded, z + i * padded);
  for (; i + 2 <= count; i += 2) logits_rows<2, V>(rows + i, d, w, bias, padded, z + i * padded);
  if (i < count) logits_rows<1, V>(rows + i, d, w, bias, padded, z + i * padded);
}

// The largest logit of a row among its real classes (the first one on ties).
inline float row_max(const float* z, Index classes) {
  float m = z[0];
  for (Index c = 1; c < classes; ++c) m = m < z[c] ? z[c] : m;
  return m;
}

// z[c] = exp(z[c] - m) for every padded column, pads then set to 0; returns sum_{c < classes}
// of them, added in class order.
template <typename V>
float exp_shifted_row(float* z, Index classes, Index padded, float m) {
  constexpr int L = kLanes<V>;
  Index c = 0;
  for (; c + L <= padded; c += L) store<V>(z + c, exp_lanes<V>(load<V>(z + c) - splat<V>(m)));
  if constexpr (L > 4)
    for (; c < padded; c += 4) store<V4>(z + c, exp_lanes<V4>(load<V4>(z + c) - splat<V4>(m)));
  for (c = classes; c < padded; ++c) z[c] = 0.0f;
  float sum = 0.0f;
  for (c = 0; c < classes; ++c) sum = sum + z[c];
  return sum;
}

// One block of a row: (e / sum - onehot) / count; the pad lanes hold 0 and stay 0.
template <typename V>
[[gnu::always_inline]] inline void delta_block(float* z, int first, int label, V sum, V count) {
  using I = IntOf<V>;
  const I hit = lane_index<V>(first) == label;
  const V one = (V)(hit & (I)splat<V>(1.0f));
  store<V>(z + first, (load<V>(z + first) / sum - one) / count);
}

template <typename V>
void softmax_delta(float* z, Index count, Index classes, Index padded, const int* labels) {
  constexpr int L = kLanes<V>;
  for (Index i = 0; i < count; ++i) {
    float* zi = z + i * padded;
    const float sum = exp_shifted_row<V>(zi, classes, padded, row_max(zi, classes));
    const float rows = static_cast<float>(count);
    Index c = 0;
    for (; c + L <= padded; c += L)
      delta_block<V>(zi, static_cast<int>(c), labels[i], splat<V>(sum), splat<V>(rows));
    if constexpr (L > 4)
      for (; c < padded; c += 4)
        delta_block<V4>(zi, static_cast<int>(c), labels[i], splat<V4>(sum), splat<V4>(rows));
  }
}

template <typename V>
void softmax_loss(float* z, Index count, Index classes, Index padded, const int* labels,
                  double* loss_sum, long* correct) {
  double loss = *loss_sum;
  long right = *correct;
  for (Index i = 0; i < count; ++i) {
    float* zi = z + i * padded;
    const float m = row_max(zi, classes);
    const int y = labels[i];
    // Correct when the label holds the row max and no earlier class ties it.
    bool hit = zi[y] == m;
    for (int c = 0; hit && c < y; ++c) hit = zi[c] != m;
    right += hit;
    const float shifted_y = zi[y] - m;
    const float sum = exp_shifted_row<V>(zi, classes, padded, m);
    loss = loss + (__builtin_log(static_cast<double>(sum)) - static_cast<double>(shifted_y));
  }
  *loss_sum = loss;
  *correct = right;
}

// kFeatures features x kVecs vectors of classes: t = row i, acc += delta(i, classes) * x(i, k).
template <int kFeatures, int kVecs, typename V>
void gradient_tile(const float* const* rows, Index count, Index k0, const float* delta,
                   Index padded, float* g) {
  constexpr int L = kLanes<V>;
  V acc[kFeatures][kVecs];
  accumulate_outer<kFeatures, kVecs, V>(
      acc, count, [&](Index i) { return delta + i * padded; },
      [&](Index i, int f) { return rows[i][k0 + f]; });
  for (int f = 0; f < kFeatures; ++f)
    for (int p = 0; p < kVecs; ++p) store<V>(g + (k0 + f) * padded + p * L, acc[f][p]);
}

template <int kFeatures, typename V>
void gradient_features(const float* const* rows, Index count, Index k0, const float* delta,
                       Index padded, float* g) {
  constexpr int L = kLanes<V>;
  Index c = 0;
  for (; c + 2 * L <= padded; c += 2 * L)
    gradient_tile<kFeatures, 2, V>(rows, count, k0, delta + c, padded, g + c);
  for (; c + L <= padded; c += L)
    gradient_tile<kFeatures, 1, V>(rows, count, k0, delta + c, padded, g + c);
  if constexpr (L > 4)
    for (; c < padded; c += 4)
      gradient_tile<kFeatures, 1, V4>(rows, count, k0, delta + c, padded, g + c);
}

template <typename V>
void gradient(const float* const* rows, Index count, Index d, const float* delta, Index padded,
              float* g, float* g_bias) {
  Index k = 0;
  for (; k + 4 <= d; k += 4) gradient_features<4, V>(rows, count, k, delta, padded, g);
  for (; k + 2 <= d; k += 2) gradient_features<2, V>(rows, count, k, delta, padded, g);
  if (k < d) gradient_features<1, V>(rows, count, k, delta, padded, g);
  for (Index c = 0; c < padded; c += 4) {
    V4 sum = splat<V4>(0.0f);
    for (Index i = 0; i < count; ++i) sum = sum + load<V4>(delta + i * padded + c);
    store<V4>(g_bias + c, sum);
  }
}
