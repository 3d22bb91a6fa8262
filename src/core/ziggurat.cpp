#include "core/ziggurat.hpp"

namespace edgefleet::core {

namespace {

ZigguratTables build_tables() {
  // Doornik (2005), "An Improved Ziggurat Method to Generate Normal Random Samples", with the
  // unnormalised density f(x) = exp(-x^2 / 2): every layer, and the base with its tail, has
  // area v.
  ZigguratTables t;
  constexpr int n = ZigguratTables::kLayers;
  const double r = ZigguratTables::kTailStart, v = ZigguratTables::kLayerArea;
  double f = std::exp(-0.5 * r * r);
  t.x[0] = v / f;
  t.x[1] = r;
  t.x[n] = 0;
  for (int i = 2; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    t.x[k] = std::sqrt(-2.0 * std::log(v / t.x[k - 1] + f));
    f = std::exp(-0.5 * t.x[k] * t.x[k]);
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) t.ratio[i] = t.x[i + 1] / t.x[i];
  return t;
}

}  // namespace

const ZigguratTables& ziggurat_tables() {
  static const ZigguratTables tables = build_tables();
  return tables;
}

namespace {

// A normal beyond kTailStart (Marsaglia's tail method), sign taken from `negative`.
double draw_normal_tail(Rng& rng, bool negative) {
  const double r = ZigguratTables::kTailStart;
  double x, y;
  do {
    x = -std::log(1.0 - uniform01(rng)) / r;  // 1 - U in (0, 1]: log never sees 0
    y = -std::log(1.0 - uniform01(rng));
  } while (y + y < x * x);
  return negative ? -(r + x) : r + x;
}

}  // namespace

double draw_standard_normal_slow(Rng& rng, const ZigguratTables& t, std::uint64_t bits) {
  for (;;) {
    const int layer = ziggurat_layer(bits);
    const auto k = static_cast<std::size_t>(layer);
    const double u = ziggurat_uniform(bits);
    if (std::fabs(u) < t.ratio[k]) return u * t.x[k];
    if (layer == 0) return draw_normal_tail(rng, u < 0);
    // Wedge: accept x under the density between the layer's two edges.
    const double x = u * t.x[k];
    const double x0 = t.x[k];
    const double x1 = t.x[k + 1];
    const double f0 = std::exp(-0.5 * (x0 * x0 - x * x));
    const double f1 = std::exp(-0.5 * (x1 * x1 - x * x));
    if (f1 + uniform01(rng) * (f0 - f1) < 1.0) return x;
    const std::uint64_t hi = rng();
    bits = (hi << 32) | rng();
  }
}

}  // namespace edgefleet::core
