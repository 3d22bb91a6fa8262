#pragma once
// The four tiers of an edge-AI fleet, nearest the data first.
#include <array>
#include <optional>
#include <string_view>

namespace edgefleet::core {

enum class Tier { kDevice = 0, kEdge = 1, kFog = 2, kCloud = 3 };
inline constexpr std::array<Tier, 4> kAllTiers = {Tier::kDevice, Tier::kEdge, Tier::kFog,
                                                  Tier::kCloud};

constexpr std::string_view tier_name(Tier t) {
  constexpr std::array<std::string_view, 4> names = {"device", "edge", "fog", "cloud"};
  return names[static_cast<int>(t)];
}

inline std::optional<Tier> tier_from_name(std::string_view name) {
  for (Tier t : kAllTiers) {
    if (tier_name(t) == name) return t;
  }
  return std::nullopt;
}

}  // namespace edgefleet::core
