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

// The layer index (bits 0-7) and the uniform in (-1, 1) (bits 11-63) of one 64-bit draw.
inline int ziggurat_layer(std::uint64_t bits) {
  return static_cast<int>(bits & 0xFF);
}
inline double ziggurat_uniform(std::uint64_t bits) {
  return 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;
}

// The rest of a draw whose first 64 bits, `bits`, fell outside their layer's rectangle: the
// wedge test, the tail, or a fresh draw. Out of line, so the fast path below is the compiled
// loop's straight line (inlined whole, the draw ran ~1.5x slower per normal: session 17).
double draw_standard_normal_slow(Rng& rng, const ZigguratTables& t, std::uint64_t bits);

// One standard normal from `rng`; `t` is ziggurat_tables(), passed in so bulk loops fetch it once.
inline double draw_standard_normal_ziggurat(Rng& rng, const ZigguratTables& t) {
  const std::uint64_t hi = rng();
  const std::uint64_t bits = (hi << 32) | rng();
  const double u = ziggurat_uniform(bits);
  const auto layer = static_cast<std::size_t>(ziggurat_layer(bits));
  if (std::fabs(u) < t.ratio[layer]) [[likely]]
    return u * t.x[layer];
  return draw_standard_normal_slow(rng, t, bits);
}

}  // namespace edgefleet::core
