#pragma once
// Which variant of a model each node holds (the default deployment rule): the cloud keeps full
// precision; a host below 10 GFLOPS takes int8; otherwise the most accurate variant that fits the
// memory left, which picks pruned/int8/distilled variants exactly when memory is short.
#include <optional>

#include "core/tier.hpp"
#include "scenario/catalog.hpp"

namespace edgefleet::scheduler {

inline constexpr double kInt8BelowFlops = 10e9;

// Index into model.variants, or nullopt when no variant fits `free_memory_bytes`.
std::optional<std::size_t> choose_variant(const scenario::ModelSpec& model, core::Tier tier,
                                          double host_speed_flops, double free_memory_bytes);

}  // namespace edgefleet::scheduler
