#include "scheduler/deployment.hpp"

namespace edgefleet::scheduler {

namespace {

std::optional<std::size_t> find_fitting(const scenario::ModelSpec& m, std::string_view name,
                                        double free_memory_bytes) {
  for (std::size_t i = 0; i < m.variants.size(); ++i) {
    if (m.variants[i].name == name && m.variants[i].bytes <= free_memory_bytes) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> choose_variant(const scenario::ModelSpec& model, core::Tier tier,
                                          double host_speed_flops, double free_memory_bytes) {
  if (tier == core::Tier::kCloud) {
    if (auto fp32 = find_fitting(model, "fp32", free_memory_bytes)) return fp32;
  } else if (host_speed_flops < kInt8BelowFlops) {
    if (auto int8 = find_fitting(model, "int8", free_memory_bytes)) return int8;
  }
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < model.variants.size(); ++i) {
    const auto& v = model.variants[i];
    if (v.bytes > free_memory_bytes) continue;
    // Ties keep the catalog order (fp32 first), so equal accuracy prefers the earlier variant.
    if (!best || v.accuracy > model.variants[*best].accuracy) best = i;
  }
  return best;
}

}  // namespace edgefleet::scheduler
