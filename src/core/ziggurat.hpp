#pragma once
// Standard normal draws by the ziggurat method (Marsaglia & Tsang 2000, with Doornik's 2005
// remedy: the layer index and the uniform come from disjoint bits of one 64-bit draw), 256
// layers. About 99 % of draws cost two PCG32 outputs, a table lookup, a multiply and a compare;
// the rest take one exp (wedge) or two logs (tail beyond r = 3.654). Box-Muller pays a log, a
// sqrt and a sincos for every pair, which dominated generating millions of dataset rows.
// Portable: tables are built once from std::exp/log/sqrt, draws use only the PCG stream.
#include <array>
#include <cmath>
#include <cstdint>

#include "core/rng.hpp"

namespace edgefleet::core {

struct ZigguratTables {
  static constexpr int kLayers = 256;
  static constexpr double kTailStart = 3.6541528853610088;  // r: where the base layer's tail starts
  static constexpr double kLayerArea = 0.00492867323399;    // v: area of each layer (and base)
  std::array<double, kLayers + 1> x;  // layer i spans |x| < x[i]; x[0] = v / f(r), x[256] = 0
  std::array<double, kLayers> ratio;  // x[i + 1] / x[i]: |u| below it is inside the layer
};

const ZigguratTables& ziggurat_tables();

// A normal beyond kTailStart (Marsaglia's tail method), sign taken from `negative`.
double draw_normal_tail(Rng& rng, bool negative);

// One standard normal from `rng`; `t` is ziggurat_tables(), passed in so bulk loops fetch it once.
inline double draw_standard_normal_ziggurat(Rng& rng, const ZigguratTables& t) {
  for (;;) {
    const std::uint64_t hi = rng();
    const std::uint64_t bits = (hi << 32) | rng();
    const auto layer = static_cast<int>(bits & 0xFF);                            // bits 0-7
    const double u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;  // bits 11-63
    if (std::fabs(u) < t.ratio[static_cast<std::size_t>(layer)])
      return u * t.x[static_cast<std::size_t>(layer)];
    if (layer == 0) return draw_normal_tail(rng, u < 0);
    // Wedge: accept x under the density between the layer's two edges.
    const double x = u * t.x[static_cast<std::size_t>(layer)];
    const double x0 = t.x[static_cast<std::size_t>(layer)];
    const double x1 = t.x[static_cast<std::size_t>(layer) + 1];
    const double f0 = std::exp(-0.5 * (x0 * x0 - x * x));
    const double f1 = std::exp(-0.5 * (x1 * x1 - x * x));
    if (f1 + uniform01(rng) * (f0 - f1) < 1.0) return x;
  }
}

}  // namespace edgefleet::core
