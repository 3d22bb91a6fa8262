#pragma once
// The kernels of row_kernels.hpp for one vector type V (GCC vector extension of 4 or 8 floats).
// Included by exactly one translation unit per instruction set, inside an anonymous namespace:
// it includes no library header, so nothing compiled for AVX2 can be merged by the linker into
// code that runs on a CPU without it. Every lane runs the same operations as the scalar loop of
// row_kernels.hpp (a lane is one output), which is why the builds give the same bits.
#include <cstddef>

#include "learning/vector_memory_impl.hpp"

using Index = std::ptrdiff_t;

typedef float V4 __attribute__((vector_size(16)));

template <typename V>
constexpr int kLanes = sizeof(V) / sizeof(float);
// The signed 32-bit vector a comparison of two V gives.
template <typename V>
using IntOf = decltype(V{} < V{});

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
// times with the outer product of kVecs vectors (vectors_at(t): classes for the logits, features
// for the gradient) and kA scalars (scalar_at(t, a)): acc[a][p] += vectors[p] * scalar, one
// multiply and one add (no FMA), in t order.
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

// One row's delta in place: (softmax - onehot(label)) / rows, pads 0.
template <typename V>
void delta_row(float* z, Index classes, Index padded, int label, float rows) {
  constexpr int L = kLanes<V>;
  const float sum = exp_shifted_row<V>(z, classes, padded, row_max(z, classes));
  Index c = 0;
  for (; c + L <= padded; c += L)
    delta_block<V>(z, static_cast<int>(c), label, splat<V>(sum), splat<V>(rows));
  if constexpr (L > 4)
    for (; c < padded; c += 4)
      delta_block<V4>(z, static_cast<int>(c), label, splat<V4>(sum), splat<V4>(rows));
}

// One row's loss term and hit, from its logits (z is overwritten).
template <typename V>
[[gnu::always_inline]] inline void loss_row(float* z, Index classes, Index padded, int y,
                                            double& loss, long& right) {
  const float m = row_max(z, classes);
  // Correct when the label holds the row max and no earlier class ties it.
  bool hit = z[y] == m;
  for (int c = 0; hit && c < y; ++c) hit = z[c] != m;
  right += hit;
  const float shifted_y = z[y] - m;
  const float sum = exp_shifted_row<V>(z, classes, padded, m);
  loss = loss + (__builtin_log(static_cast<double>(sum)) - static_cast<double>(shifted_y));
}

// ---- Rows in lanes: L rows at once, one per lane, every class a vector. The forward pass of a
// row is a short dot product per class; with classes in lanes (logits above) its max, exp sum
// and label lookups are serial scalar chains per row, with rows in lanes they are vector
// operations on L rows. Every lane runs the row's operations in the same order, so the results
// are the bits of the per-row kernels above.

template <typename V>
[[gnu::always_inline]] inline V select(IntOf<V> mask, V yes, V no) {
  using I = IntOf<V>;
  return (V)((mask & (I)yes) | (~mask & (I)no));
}

// r[i][j] becomes r[j][i].
[[gnu::always_inline]] inline void transpose4(V4 (&r)[4]) {
  using M = IntOf<V4>;
  const V4 t0 = __builtin_shuffle(r[0], r[1], M{0, 4, 1, 5});
  const V4 t1 = __builtin_shuffle(r[0], r[1], M{2, 6, 3, 7});
  const V4 t2 = __builtin_shuffle(r[2], r[3], M{0, 4, 1, 5});
  const V4 t3 = __builtin_shuffle(r[2], r[3], M{2, 6, 3, 7});
  r[0] = __builtin_shuffle(t0, t2, M{0, 1, 4, 5});
  r[1] = __builtin_shuffle(t0, t2, M{2, 3, 6, 7});
  r[2] = __builtin_shuffle(t1, t3, M{0, 1, 4, 5});
  r[3] = __builtin_shuffle(t1, t3, M{2, 3, 6, 7});
}

// Lanes 4h .. 4h + 3 of v.
template <typename V>
[[gnu::always_inline]] inline V4 quarter(V v, int h) {
  V4 q;
  __builtin_memcpy(&q, reinterpret_cast<const float*>(&v) + 4 * h, sizeof q);
  return q;
}

// xt[k * L + l] = rows[l][k0 + k] for k < n: L x L blocks transposed in registers, then the
// last n % L features one by one.
template <typename V>
[[gnu::always_inline]] inline void transpose_rows(const float* const* rows, Index k0, Index n,
                                                  float* xt) {
  constexpr int L = kLanes<V>;
  using M = IntOf<V>;
  Index k = 0;
  if constexpr (L == 8) {
    for (; k + 8 <= n; k += 8) {
      V r[8], t[8], u[8];
      for (int l = 0; l < 8; ++l) r[l] = load<V>(rows[l] + k0 + k);
      for (int p = 0; p < 4; ++p) {  // interleave row pairs
        t[2 * p] = __builtin_shuffle(r[2 * p], r[2 * p + 1], M{0, 8, 1, 9, 4, 12, 5, 13});
        t[2 * p + 1] = __builtin_shuffle(r[2 * p], r[2 * p + 1], M{2, 10, 3, 11, 6, 14, 7, 15});
      }
      for (int h = 0; h < 2; ++h)  // 4 rows x feature pairs {j, j + 4} per vector
        for (int j = 0; j < 2; ++j) {
          u[4 * h + 2 * j] =
              __builtin_shuffle(t[4 * h + j], t[4 * h + j + 2], M{0, 1, 8, 9, 4, 5, 12, 13});
          u[4 * h + 2 * j + 1] =
              __builtin_shuffle(t[4 * h + j], t[4 * h + j + 2], M{2, 3, 10, 11, 6, 7, 14, 15});
        }
      for (int j = 0; j < 4; ++j) {  // rows 0-3 with rows 4-7
        store<V>(xt + (k + j) * 8, __builtin_shuffle(u[j], u[4 + j], M{0, 1, 2, 3, 8, 9, 10, 11}));
        store<V>(xt + (k + j + 4) * 8,
                 __builtin_shuffle(u[j], u[4 + j], M{4, 5, 6, 7, 12, 13, 14, 15}));
      }
    }
  } else if constexpr (L == 4) {
    for (; k + 4 <= n; k += 4) {
      V4 r[4];
      for (int l = 0; l < 4; ++l) r[l] = load<V4>(rows[l] + k0 + k);
      transpose4(r);
      for (int j = 0; j < 4; ++j) store<V4>(xt + (k + j) * 4, r[j]);
    }
  }
  for (; k < n; ++k)
    for (int l = 0; l < L; ++l) xt[k * L + l] = rows[l][k0 + k];
}

// The logits of rows[0 .. L - 1], one vector per class: features are transposed 64 at a time,
// then t = feature k, acc[c] += x(lanes, k) * w(k, c); finally bias + sum.
template <int kC, typename V>
[[gnu::always_inline]] inline void lane_logits(const float* const* rows, Index d, const float* w,
                                               Index padded, const float* bias, V (&z)[kC]) {
  constexpr int L = kLanes<V>;
  constexpr Index kChunk = 64;
  alignas(32) float xt[kChunk * L];
  V acc[kC];
  for (auto& a : acc) a = splat<V>(0.0f);
  for (Index k0 = 0; k0 < d; k0 += kChunk) {
    const Index n = d - k0 < kChunk ? d - k0 : kChunk;
    transpose_rows<V>(rows, k0, n, xt);
    for (Index k = 0; k < n; ++k) {
      const V x = load<V>(xt + k * L);
      const float* wk = w + (k0 + k) * padded;
      for (int c = 0; c < kC; ++c) acc[c] = acc[c] + x * splat<V>(wk[c]);
    }
  }
  for (int c = 0; c < kC; ++c) z[c] = splat<V>(bias[c]) + acc[c];
}

// Each lane's row max (row_max's comparisons in class order).
template <int kC, typename V>
[[gnu::always_inline]] inline V lane_max(const V (&z)[kC]) {
  V m = z[0];
  for (int c = 1; c < kC; ++c) m = select<V>(m < z[c], z[c], m);
  return m;
}

// z[c] = exp(z[c] - m); returns 0 + z[0] + z[1] + ... in class order (exp_shifted_row).
template <int kC, typename V>
[[gnu::always_inline]] inline V lane_exp_sum(V (&z)[kC], V m) {
  V sum = splat<V>(0.0f);
  for (int c = 0; c < kC; ++c) {
    z[c] = exp_lanes<V>(z[c] - m);
    sum = sum + z[c];
  }
  return sum;
}

template <typename V>
[[gnu::always_inline]] inline IntOf<V> load_labels(const int* labels) {
  IntOf<V> y;
  __builtin_memcpy(&y, labels, sizeof y);
  return y;
}

// The whole groups of L rows of logits_delta; returns how many rows it did (the rest take the
// per-row path).
template <int kC, typename V>
Index logits_delta_lanes(const float* const* rows, Index count, Index d, const float* w,
                         const float* bias, Index padded, const int* labels, float* z) {
  constexpr int L = kLanes<V>;
  const V rows_f = splat<V>(static_cast<float>(count));
  Index i = 0;
  for (; i + L <= count; i += L) {
    V e[kC];
    lane_logits<kC, V>(rows + i, d, w, padded, bias, e);
    const V sum = lane_exp_sum<kC, V>(e, lane_max<kC, V>(e));
    const IntOf<V> y = load_labels<V>(labels + i);
    for (int c = 0; c < kC; ++c) {
      const V one = select<V>(y == c, splat<V>(1.0f), splat<V>(0.0f));
      const V delta = (e[c] / sum - one) / rows_f;
      for (int l = 0; l < L; ++l) z[(i + l) * padded + c] = delta[l];
    }
    for (int l = 0; l < L; ++l)
      for (Index c = kC; c < padded; ++c) z[(i + l) * padded + c] = 0.0f;
  }
  return i;
}

// The whole groups of L rows of evaluate, adding onto loss and right; returns how many rows it
// did (the rest take the per-row path, after them: rows are added in order).
template <int kC, typename V>
Index evaluate_lanes(const float* const* rows, Index count, Index d, const float* w,
                     const float* bias, Index padded, const int* labels, double& loss,
                     long& right) {
  constexpr int L = kLanes<V>;
  // Rows fetched ahead of the group being evaluated: a federation's train-loss pass reads
  // every client's rows once, from memory (BM_LogisticEvaluationCold: ~15 % faster with 2 L rows
  // ahead, 4 L gained less).
  constexpr Index kAhead = 2 * L;
  Index i = 0;
  for (; i + L <= count; i += L) {
    for (Index r = i + kAhead; r < i + kAhead + L && r < count; ++r)
      for (Index byte = 0; byte < d * static_cast<Index>(sizeof(float)); byte += 64)
        __builtin_prefetch(reinterpret_cast<const char*>(rows[r]) + byte);
    V e[kC];
    lane_logits<kC, V>(rows + i, d, w, padded, bias, e);
    const V m = lane_max<kC, V>(e);
    const IntOf<V> y = load_labels<V>(labels + i);
    // The first class holding the max (kC when none does: a NaN max) and the label's logit.
    IntOf<V> first = y - y + kC;
    V zy = splat<V>(0.0f);
    for (int c = kC - 1; c >= 0; --c) {
      const IntOf<V> at_max = e[c] == m;
      first = (at_max & c) | (~at_max & first);
      zy = select<V>(y == c, e[c], zy);
    }
    const V shifted_y = zy - m;
    const V sum = lane_exp_sum<kC, V>(e, m);
    for (int l = 0; l < L; ++l) {  // rows in order, as loss_row adds them
      right += first[l] == y[l];
      loss =
          loss + (__builtin_log(static_cast<double>(sum[l])) - static_cast<double>(shifted_y[l]));
    }
  }
  return i;
}

// Rows in lanes keep one vector per class in registers (plus the feature vector and a broadcast):
// up to 12 classes fit the 16 vector registers; more take the per-row paths.
constexpr int kMaxLaneClasses = 12;

template <int C>
struct ClassCount {
  static constexpr int kValue = C;
};

// Calls f(ClassCount<classes>{}) when 1 <= classes <= kMaxLaneClasses; does nothing otherwise.
template <int C = 1, typename F>
[[gnu::always_inline]] inline void with_class_count(Index classes, F&& f) {
  if constexpr (C <= kMaxLaneClasses) {
    if (classes == C)
      f(ClassCount<C>{});
    else
      with_class_count<C + 1>(classes, f);
  }
}

template <typename V>
void logits_delta(const float* const* rows, Index count, Index d, const float* w, const float* bias,
                  Index padded, Index classes, const int* labels, float* z) {
  Index done = 0;
  with_class_count(classes, [&](auto n) {
    done = logits_delta_lanes<decltype(n)::kValue, V>(rows, count, d, w, bias, padded, labels, z);
  });
  if (done == count) return;
  logits<V>(rows + done, count - done, d, w, bias, padded, z + done * padded);
  for (Index i = done; i < count; ++i)
    delta_row<V>(z + i * padded, classes, padded, labels[i], static_cast<float>(count));
}

template <typename V>
void evaluate(const float* const* rows, Index count, Index d, const float* w, const float* bias,
              Index padded, Index classes, const int* labels, float* z, double* loss_sum,
              long* correct) {
  double loss = *loss_sum;
  long right = *correct;
  Index done = 0;
  with_class_count(classes, [&](auto n) {
    done = evaluate_lanes<decltype(n)::kValue, V>(rows, count, d, w, bias, padded, labels, loss,
                                                  right);
  });
  if (done < count) {
    logits<V>(rows + done, count - done, d, w, bias, padded, z);
    for (Index i = done; i < count; ++i)
      loss_row<V>(z + (i - done) * padded, classes, padded, labels[i], loss, right);
  }
  *loss_sum = loss;
  *correct = right;
}

// L features (k .. k + L - 1, one per lane) x kClasses classes (c0 ..): t = row i,
// acc[c] += x(i, features) * delta(i, c0 + c). Lanes over features rather than classes: a row's
// features are contiguous, so each step is one load and kClasses broadcasts, with kClasses
// independent sums in flight (the class-lane tiles needed a V8 and a V4 pass per feature block).
// The products are x * delta where the reference has delta * x: the same bits.
template <int kClasses, typename V>
[[gnu::always_inline]] inline void gradient_block(const float* const* rows, Index count, Index k,
                                                  const float* delta, Index padded, Index c0,
                                                  float* g) {
  V acc[kClasses][1];
  accumulate_outer<kClasses, 1, V>(
      acc, count, [&](Index i) { return rows[i] + k; },
      [&](Index i, int c) { return delta[i * padded + c0 + c]; });
  // g is feature-major: 4 x 4 blocks (4 classes x 4 features) transposed in registers and stored
  // as rows of 4 classes (element by element, the stores were 40 % of this kernel).
  static_assert(kClasses % 4 == 0);
  for (int cg = 0; cg < kClasses; cg += 4)
    for (int h = 0; h < kLanes<V> / 4; ++h) {
      V4 block[4];
      for (int j = 0; j < 4; ++j) block[j] = quarter(acc[cg + j][0], h);
      transpose4(block);
      for (int j = 0; j < 4; ++j) store<V4>(g + (k + 4 * h + j) * padded + c0 + cg, block[j]);
    }
}

// Every class group (12 classes, then the 4 or 8 the padding leaves) of one feature block.
template <typename V>
void gradient_features(const float* const* rows, Index count, Index k, const float* delta,
                       Index padded, float* g) {
  for (Index c0 = 0; c0 < padded; c0 += 12) {
    switch (padded - c0 < 12 ? padded - c0 : 12) {
      case 4:
        gradient_block<4, V>(rows, count, k, delta, padded, c0, g);
        break;
      case 8:
        gradient_block<8, V>(rows, count, k, delta, padded, c0, g);
        break;
      default:
        gradient_block<12, V>(rows, count, k, delta, padded, c0, g);
        break;
    }
  }
}

template <typename V>
void gradient(const float* const* rows, Index count, Index d, const float* delta, Index padded,
              float* g, float* g_bias) {
  constexpr int L = kLanes<V>;
  Index k = 0;
  for (; k + L <= d; k += L) gradient_features<V>(rows, count, k, delta, padded, g);
  if constexpr (L > 4)
    for (; k + 4 <= d; k += 4) gradient_features<V4>(rows, count, k, delta, padded, g);
  for (; k < d; ++k)  // the last d % 4 features, one at a time
    for (Index c = 0; c < padded; ++c) {
      float sum = 0.0f;
      for (Index i = 0; i < count; ++i) sum = sum + rows[i][k] * delta[i * padded + c];
      g[k * padded + c] = sum;
    }
  for (Index c = 0; c < padded; c += 4) {
    V4 sum = splat<V4>(0.0f);
    for (Index i = 0; i < count; ++i) sum = sum + load<V4>(delta + i * padded + c);
    store<V4>(g_bias + c, sum);
  }
}
