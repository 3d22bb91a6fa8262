#pragma once
// Seeded random streams. One root seed per scenario; every entity draws from its own PCG32
// stream selected by (root seed, purpose, entity id), so draws do not depend on event order.
// PCG (libpcg-cpp-dev) keeps 16 bytes of state per stream — affordable for a million devices,
// unlike std::mt19937_64 (2.5 KB).
#include <cstdint>

#include <pcg_random.hpp>

namespace edgefleet::core {

using Rng = pcg32;

// What a stream is for; distinct purposes never share a stream for the same entity.
enum class StreamPurpose : std::uint64_t {
  kHostSpeed = 1,
  kLinkBandwidth = 2,
  kLinkLatency = 3,
  kArrivals = 4,
  kRequestAttributes = 5,
  kPolicy = 6,
  kFederatedSelection = 7,
  kTraining = 8,
  kDataset = 9,
  kFailures = 10,
  kAttackers = 11,
  kStragglers = 12,
  kAttacks = 13,  // what an attacker sends (is_attacker draws from kAttackers)
  kPrivacyNoise = 14,
};

constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

inline Rng make_stream(std::uint64_t root_seed, StreamPurpose purpose, std::uint64_t entity_id) {
  const std::uint64_t seed =
      splitmix64(root_seed ^ splitmix64(static_cast<std::uint64_t>(purpose)));
  // PCG's stream selector picks one of 2^63 independent sequences for the same seed.
  return Rng(seed, splitmix64(entity_id));
}

// Uniform double in [0, 1) with 53 random bits, identical on every platform (unlike
// std::uniform_real_distribution, whose algorithm is implementation-defined).
inline double uniform01(Rng& rng) {
  const std::uint64_t hi = rng();
  const std::uint64_t lo = rng();
  return static_cast<double>(((hi << 32) | lo) >> 11) * 0x1.0p-53;
}

}  // namespace edgefleet::core
