#include "core/ziggurat.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_draws.hpp"

namespace edgefleet::core {
namespace {

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

TEST(CoreZiggurat, TablesCoverTheDensityInLayersOfEqualArea) {
  const ZigguratTables& t = ziggurat_tables();
  EXPECT_EQ(t.x[1], ZigguratTables::kTailStart);
  EXPECT_EQ(t.x[ZigguratTables::kLayers], 0.0);
  for (int i = 1; i < ZigguratTables::kLayers; ++i) {
    const auto k = static_cast<std::size_t>(i);
    ASSERT_LT(t.x[k + 1], t.x[k]);
    // Layer i is the rectangle [0, x[i]] x [f(x[i]), f(x[i + 1])] with f(x) = exp(-x^2/2).
    if (i + 1 < ZigguratTables::kLayers) {
      const double area =
          t.x[k] * (std::exp(-0.5 * t.x[k + 1] * t.x[k + 1]) - std::exp(-0.5 * t.x[k] * t.x[k]));
      ASSERT_NEAR(area, ZigguratTables::kLayerArea, 1e-9) << i;
    }
  }
  // Base layer: the rectangle under f(r) plus the tail beyond r, also of area v.
  const double r = ZigguratTables::kTailStart;
  const double tail = std::sqrt(M_PI / 2) * std::erfc(r / std::sqrt(2.0));
  EXPECT_NEAR(r * std::exp(-0.5 * r * r) + tail, ZigguratTables::kLayerArea, 1e-9);
}

// 2^21 draws from a fixed stream: moments, the Kolmogorov-Smirnov distance to N(0, 1), and the
// mass beyond 2 and beyond the tail start r (drawn by the tail method), each against its exact
// value with about 4 standard errors of room.
TEST(CoreZiggurat, DrawsFollowTheStandardNormal) {
  Rng rng = make_stream(2024, StreamPurpose::kDataset, 5);
  const std::size_t n = std::size_t{1} << 21;
  std::vector<double> z(n);
  fill_standard_normal(rng, z.data(), n);
  double mean = 0, m2 = 0, m4 = 0, beyond2 = 0, beyond_r = 0;
  for (double v : z) {
    mean += v;
    m2 += v * v;
    m4 += v * v * v * v;
    beyond2 += std::fabs(v) > 2;
    beyond_r += std::fabs(v) > ZigguratTables::kTailStart;
  }
  const double nn = static_cast<double>(n);
  mean /= nn;
  m2 /= nn;
  m4 /= nn;
  EXPECT_NEAR(mean, 0.0, 4 / std::sqrt(nn));
  EXPECT_NEAR(m2, 1.0, 4 * std::sqrt(2 / nn));
  EXPECT_NEAR(m4, 3.0, 4 * std::sqrt(96 / nn));
  const double p2 = 2 * (1 - normal_cdf(2)), pr = 2 * (1 - normal_cdf(ZigguratTables::kTailStart));
  EXPECT_NEAR(beyond2 / nn, p2, 4 * std::sqrt(p2 * (1 - p2) / nn));
  EXPECT_NEAR(beyond_r / nn, pr, 4 * std::sqrt(pr * (1 - pr) / nn));
  std::sort(z.begin(), z.end());
  double ks = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double f = normal_cdf(z[i]);
    ks = std::max({ks, f - static_cast<double>(i) / nn, static_cast<double>(i + 1) / nn - f});
  }
  EXPECT_LT(ks, 1.63 / std::sqrt(nn));  // the 1 % critical value
  // Symmetric: as many negatives as positives, within 4 standard errors.
  const auto negatives = static_cast<double>(std::lower_bound(z.begin(), z.end(), 0.0) - z.begin());
  EXPECT_NEAR(negatives / nn, 0.5, 4 * 0.5 / std::sqrt(nn));
}

// The draw as one loop (Doornik's algorithm as written before the fast path was split from the
// wedge and tail): the split must not change a value or the stream's position.
double one_loop_draw(Rng& rng) {
  const ZigguratTables& t = ziggurat_tables();
  for (;;) {
    const std::uint64_t hi = rng();
    const std::uint64_t bits = (hi << 32) | rng();
    const auto k = static_cast<std::size_t>(bits & 0xFF);
    const double u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;
    if (std::fabs(u) < t.ratio[k]) return u * t.x[k];
    if (k == 0) {
      const double r = ZigguratTables::kTailStart;
      double x, y;
      do {
        x = -std::log(1.0 - uniform01(rng)) / r;
        y = -std::log(1.0 - uniform01(rng));
      } while (y + y < x * x);
      return u < 0 ? -(r + x) : r + x;
    }
    const double x = u * t.x[k];
    const double f0 = std::exp(-0.5 * (t.x[k] * t.x[k] - x * x));
    const double f1 = std::exp(-0.5 * (t.x[k + 1] * t.x[k + 1] - x * x));
    if (f1 + uniform01(rng) * (f0 - f1) < 1.0) return x;
  }
}

// 2^20 draws: ~1 % leave the fast path (wedge tests, rejections, ~270 tail draws).
TEST(CoreZiggurat, FastPathAndSlowPathGiveTheOneLoopDraws) {
  Rng fast = make_stream(11, StreamPurpose::kDataset, 3), reference = fast;
  const std::size_t n = std::size_t{1} << 20;
  std::vector<double> z(n);
  fill_standard_normal(fast, z.data(), n);
  std::size_t tail = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(z[i], one_loop_draw(reference)) << i;
    tail += std::fabs(z[i]) > ZigguratTables::kTailStart;
  }
  EXPECT_GT(tail, 100u);       // the tail method ran
  EXPECT_EQ(fast, reference);  // both streams consumed the same outputs
}

TEST(CoreZiggurat, SameStreamSameDrawsWhateverTheChunking) {
  Rng a = make_stream(7, StreamPurpose::kDataset, 1), b = a;
  std::vector<double> whole(1000), parts(1000);
  fill_standard_normal(a, whole.data(), whole.size());
  fill_standard_normal(b, parts.data(), 333);
  fill_standard_normal(b, parts.data() + 333, 667);
  EXPECT_EQ(whole, parts);
}

}  // namespace
}  // namespace edgefleet::core
