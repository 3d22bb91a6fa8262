#include "learning/argmax_logits.hpp"

#include <algorithm>

namespace edgefleet::learning {

namespace {

using Index = std::ptrdiff_t;
typedef double D2 __attribute__((vector_size(16)));  // two doubles: baseline x86-64 (SSE2)
constexpr Index kRows = 2;                           // rows per register tile
constexpr int kMaxVecs = 5;  // class vectors per tile: 2 x 5 accumulators + 5 weights + 1 x

[[gnu::always_inline]] inline D2 load2(const double* p) {
  D2 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

// z[r * padded + c] for kRows rows and the kVecs class vectors at `w`: sums over features in
// order, from +0.
template <int kVecs>
void tile(const double* x, Index d, const double* w, Index padded, double* z) {
  D2 acc[kRows][kVecs];
  for (auto& row : acc)
    for (auto& a : row) a = D2{0.0, 0.0};
  for (Index k = 0; k < d; ++k) {
    D2 wv[kVecs];
    for (int p = 0; p < kVecs; ++p) wv[p] = load2(w + k * padded + 2 * p);
    for (Index r = 0; r < kRows; ++r) {
      const double xk = x[r * d + k];
      const D2 xs = {xk, xk};
      for (int p = 0; p < kVecs; ++p) acc[r][p] = acc[r][p] + wv[p] * xs;
    }
  }
  for (Index r = 0; r < kRows; ++r)
    for (int p = 0; p < kVecs; ++p) __builtin_memcpy(z + r * padded + 2 * p, &acc[r][p], 16);
}

using TileFn = void (*)(const double*, Index, const double*, Index, double*);
constexpr TileFn kTiles[kMaxVecs + 1] = {nullptr, &tile<1>, &tile<2>, &tile<3>, &tile<4>, &tile<5>};

}  // namespace

LogitsArgmax::LogitsArgmax(const Eigen::MatrixXd& w, const Eigen::RowVectorXd& b)
    : d_(w.rows()),
      classes_(w.cols()),
      padded_((w.cols() + 1) / 2 * 2),
      w_rm_(static_cast<std::size_t>(d_ * padded_), 0.0),
      bias_(static_cast<std::size_t>(padded_), 0.0) {
  for (Index k = 0; k < d_; ++k)
    for (Index c = 0; c < classes_; ++c) w_rm_[static_cast<std::size_t>(k * padded_ + c)] = w(k, c);
  for (Index c = 0; c < classes_; ++c) bias_[static_cast<std::size_t>(c)] = b(c);
}

void LogitsArgmax::label(const double* x, Index rows, int* labels) const {
  std::vector<double> z(static_cast<std::size_t>(kRows * padded_));
  std::vector<double> last_twice;  // an odd last row, twice: a tile reads kRows rows
  for (Index i = 0; i < rows; i += kRows) {
    const double* tile_x = x + i * d_;
    if (i + 1 == rows) {
      last_twice.assign(tile_x, tile_x + d_);
      last_twice.insert(last_twice.end(), tile_x, tile_x + d_);
      tile_x = last_twice.data();
    }
    for (Index c = 0; c < padded_; c += 2 * kMaxVecs) {
      const auto vecs = static_cast<int>(std::min<Index>(kMaxVecs, (padded_ - c) / 2));
      kTiles[vecs](tile_x, d_, w_rm_.data() + c, padded_, z.data() + c);
    }
    for (Index r = 0; r < kRows && i + r < rows; ++r) {
      const double* zr = z.data() + r * padded_;
      // As Eigen's maxCoeff: the first index of the largest value.
      Index best = 0;
      double best_z = zr[0] + bias_[0];
      for (Index c = 1; c < classes_; ++c) {
        const double v = zr[c] + bias_[static_cast<std::size_t>(c)];
        if (v > best_z) {
          best_z = v;
          best = c;
        }
      }
      labels[i + r] = static_cast<int>(best);
    }
  }
}

}  // namespace edgefleet::learning
