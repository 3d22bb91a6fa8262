#pragma once
// Small datasets for the learning tests, drawn from seeded portable streams.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/random_draws.hpp"
#include "learning/dataset.hpp"

namespace edgefleet::learning::testing {

// Runs f, expecting a std::runtime_error whose message contains `fragment`.
inline void expect_message(const std::function<void()>& f, const std::string& fragment) {
  try {
    f();
    FAIL() << "expected std::runtime_error containing '" << fragment << "'";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

// Standard normal features, uniform labels in [0, c).
inline Dataset random_dataset(int n, int d, int c, std::uint64_t seed) {
  core::Rng rng(seed);
  Dataset data;
  data.num_classes = c;
  data.features.resize(n, d);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) data.features(i, j) = core::draw_standard_normal(rng);
    data.labels.push_back(static_cast<int>(core::uniform01(rng) * c));
  }
  return data;
}

// XOR of the signs of two uniform [-1, 1] coordinates: no linear model separates it, a ReLU
// network with a few hidden units does.
inline Dataset xor_dataset(int n, std::uint64_t seed) {
  core::Rng rng(seed);
  Dataset data;
  data.num_classes = 2;
  data.features.resize(n, 2);
  for (int i = 0; i < n; ++i) {
    data.features(i, 0) = core::draw_uniform(rng, -1, 1);
    data.features(i, 1) = core::draw_uniform(rng, -1, 1);
    data.labels.push_back(data.features(i, 0) * data.features(i, 1) > 0 ? 1 : 0);
  }
  return data;
}

}  // namespace edgefleet::learning::testing
