#include "learning/softmax_kernel.hpp"

#include <cstring>

namespace edgefleet::learning::kernel {

namespace {

// Two doubles in one SSE2 register (GCC/Clang vector extension). Lanes are independent sums:
// vectorising ACROSS outputs leaves each output's own summation order untouched.
typedef double Pair __attribute__((vector_size(16)));

Pair load_pair(const double* p) {
  Pair v;
  std::memcpy(&v, p, sizeof v);  // unaligned load
  return v;
}
void store_pair(double* p, Pair v) {
  std::memcpy(p, &v, sizeof v);
}
Pair splat(double s) {
  return Pair{s, s};
}

// Both products are sums of outer products: acc[a][p] += s_a(t) v_p(t) for t = 0..steps-1 in
// order, where v(t) = 2 kPairs doubles at vec + t vec_step (two per register) and s_a(t) =
// scalars[a scalar_stride + t]. Each accumulator lane is one output and keeps its own order.
// Inlined into each tile so the accumulators live in registers, not behind a reference.
template <int kScalars, int kPairs>
[[gnu::always_inline]] inline void accumulate_outer(Pair (&acc)[kScalars][kPairs], Index steps,
                                                    const double* vec, Index vec_step,
                                                    const double* scalars, Index scalar_stride) {
  for (auto& row : acc)
    for (auto& a : row) a = splat(0.0);
  for (Index t = 0; t < steps; ++t) {
    Pair v[kPairs];
    for (int p = 0; p < kPairs; ++p) v[p] = load_pair(vec + t * vec_step + 2 * p);
    for (int a = 0; a < kScalars; ++a) {
      const Pair s = splat(scalars[a * scalar_stride + t]);
      for (int p = 0; p < kPairs; ++p) acc[a][p] = acc[a][p] + v[p] * s;
    }
  }
}

// A (2 kPairs) rows x kCols classes tile of logits: t = feature k, v = two rows of x, s = W(k, c).
template <int kPairs, int kCols>
void logits_tile(const double* x, Index ldx, Index d, const double* w, const double* bias,
                 double* z, Index ldz) {
  Pair acc[kCols][kPairs];
  accumulate_outer(acc, d, x, ldx, w, d);
  for (int c = 0; c < kCols; ++c)
    for (int r = 0; r < kPairs; ++r) store_pair(z + c * ldz + 2 * r, splat(bias[c]) + acc[c][r]);
}

// The last row of an odd-sized batch, one class at a time.
void logits_row(const double* x, Index ldx, Index d, const double* w, const double* bias,
                Index classes, double* z, Index ldz) {
  for (Index c = 0; c < classes; ++c) {
    double acc = 0;
    for (Index k = 0; k < d; ++k) acc = acc + x[k * ldx] * w[c * d + k];
    z[c * ldz] = bias[c] + acc;
  }
}

template <int kPairs>
void logits_rows(const double* x, Index ldx, Index d, const double* w, const double* bias,
                 Index classes, double* z, Index ldz) {
  Index c = 0;
  for (; c + 4 <= classes; c += 4)
    logits_tile<kPairs, 4>(x, ldx, d, w + c * d, bias + c, z + c * ldz, ldz);
  for (; c + 2 <= classes; c += 2)
    logits_tile<kPairs, 2>(x, ldx, d, w + c * d, bias + c, z + c * ldz, ldz);
  for (; c < classes; ++c) logits_tile<kPairs, 1>(x, ldx, d, w + c * d, bias + c, z + c * ldz, ldz);
}

// A kK features x (2 kPairs) classes tile of the weight gradient: t = row i, v = two classes of
// the row-major delta, s = x(i, k).
template <int kK, int kPairs>
void gradient_tile(const double* x, Index ldx, Index rows, const double* delta_rm, Index classes,
                   double* grad_w, Index d) {
  Pair acc[kK][kPairs];
  accumulate_outer(acc, rows, delta_rm, classes, x, ldx);
  for (int k = 0; k < kK; ++k)
    for (int c = 0; c < kPairs; ++c) {
      grad_w[(2 * c) * d + k] = acc[k][c][0];
      grad_w[(2 * c + 1) * d + k] = acc[k][c][1];
    }
}

// The last class of an odd class count, one feature at a time.
void gradient_class(const double* x, Index ldx, Index rows, Index d, const double* delta_rm,
                    Index classes, double* grad_w) {
  for (Index k = 0; k < d; ++k) {
    double acc = 0;
    for (Index i = 0; i < rows; ++i) acc = acc + x[k * ldx + i] * delta_rm[i * classes];
    grad_w[k] = acc;
  }
}

template <int kK>
void gradient_features(const double* x, Index ldx, Index rows, const double* delta_rm,
                       Index classes, double* grad_w, Index d) {
  Index c = 0;
  for (; c + 8 <= classes; c += 8)
    gradient_tile<kK, 4>(x, ldx, rows, delta_rm + c, classes, grad_w + c * d, d);
  for (; c + 2 <= classes; c += 2)
    gradient_tile<kK, 1>(x, ldx, rows, delta_rm + c, classes, grad_w + c * d, d);
}

}  // namespace

void affine_logits(const double* x, Index ldx, Index rows, Index d, const double* w,
                   const double* bias, Index classes, double* z, Index ldz) {
  Index i = 0;
  for (; i + 4 <= rows; i += 4) logits_rows<2>(x + i, ldx, d, w, bias, classes, z + i, ldz);
  for (; i + 2 <= rows; i += 2) logits_rows<1>(x + i, ldx, d, w, bias, classes, z + i, ldz);
  if (i < rows) logits_row(x + i, ldx, d, w, bias, classes, z + i, ldz);
}

void softmax_weight_gradient(const double* x, Index ldx, Index rows, Index d,
                             const double* delta_rm, Index classes, double* grad_w,
                             double* grad_b) {
  Index k = 0;
  for (; k + 2 <= d; k += 2)
    gradient_features<2>(x + k * ldx, ldx, rows, delta_rm, classes, grad_w + k, d);
  if (k < d) gradient_features<1>(x + k * ldx, ldx, rows, delta_rm, classes, grad_w + k, d);
  if (classes % 2 == 1)
    gradient_class(x, ldx, rows, d, delta_rm + classes - 1, classes, grad_w + (classes - 1) * d);
  for (Index c = 0; c < classes; ++c) {
    double sum = 0;
    for (Index i = 0; i < rows; ++i) sum = sum + delta_rm[i * classes + c];
    grad_b[c] = sum;
  }
}

}  // namespace edgefleet::learning::kernel
