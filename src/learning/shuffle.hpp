#pragma once
// Fisher-Yates on a seeded stream: the same permutation on every platform (std::shuffle's
// algorithm is implementation-defined).
#include <cstddef>
#include <span>
#include <utility>

#include "core/rng.hpp"

namespace edgefleet::learning {

template <typename T>
void fisher_yates(std::span<T> items, core::Rng& rng) {
  for (std::size_t i = items.size(); i-- > 1;) {
    const auto j = static_cast<std::size_t>(core::uniform01(rng) * static_cast<double>(i + 1));
    std::swap(items[i], items[j]);
  }
}

}  // namespace edgefleet::learning
