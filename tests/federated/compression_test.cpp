#include "federated/compression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "core/random_draws.hpp"

namespace edgefleet::federated {
namespace {

std::unique_ptr<Compressor> make(const std::string& name, nlohmann::json params = {}) {
  return make_compressor(name, params, "/federated/compression", "/federated/compression_params");
}

Eigen::VectorXd normal_vector(Eigen::Index n, std::uint64_t seed) {
  core::Rng rng(seed);
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i) v(i) = core::draw_standard_normal(rng);
  return v;
}

TEST(CompressionNone, Float32OnTheWire) {
  const auto c = make("none");
  const Eigen::VectorXd v = normal_vector(1000, 1);
  const auto out = c->compress(v);
  EXPECT_EQ(out.wire_bytes, 4000);
  EXPECT_EQ(c->wire_bytes(1'000'000), 4e6);
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    EXPECT_EQ(out.decoded(i), static_cast<double>(static_cast<float>(v(i))));
    // Rounding to nearest float: relative error at most 2^-24.
    EXPECT_LE(std::abs(out.decoded(i) - v(i)), std::ldexp(std::abs(v(i)), -24));
  }
}

TEST(CompressionInt8, ErrorIsAtMostHalfAStep) {
  const auto c = make("int8");
  const Eigen::VectorXd v = normal_vector(10'000, 2);
  const double scale = (v.maxCoeff() - v.minCoeff()) / 255;
  const auto out = c->compress(v);
  EXPECT_EQ(out.wire_bytes, 10'000 + 8);
  const double slack = 1e-12 * v.cwiseAbs().maxCoeff();
  std::set<double> levels;
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    EXPECT_LE(std::abs(out.decoded(i) - v(i)), scale / 2 + slack) << "coordinate " << i;
    levels.insert(out.decoded(i));
  }
  EXPECT_LE(levels.size(), 256u);  // 8 bits
  // The extremes are grid points.
  EXPECT_NEAR(out.decoded.minCoeff(), v.minCoeff(), slack);
  EXPECT_NEAR(out.decoded.maxCoeff(), v.maxCoeff(), slack);
}

TEST(CompressionInt8, ValuesOnTheGridAreExact) {
  // min = -1, step 2^-7: every grid value -1 + k / 128 (k = 0..255) is a double, and
  // (max - min) / 255 = (255 / 128) / 255 = 1 / 128 exactly.
  Eigen::VectorXd v(256);
  for (int k = 0; k < 256; ++k) v(255 - k) = -1.0 + k / 128.0;
  EXPECT_EQ(make("int8")->compress(v).decoded, v);
}

TEST(CompressionInt8, ConstantVectorIsExact) {
  const Eigen::VectorXd v = Eigen::VectorXd::Constant(17, -0.123456789);
  const auto out = make("int8")->compress(v);
  EXPECT_EQ(out.decoded, v);
  EXPECT_EQ(out.wire_bytes, 17 + 8);
}

std::vector<Eigen::Index> largest_magnitudes(const Eigen::VectorXd& v, std::size_t k) {
  std::vector<Eigen::Index> idx(static_cast<std::size_t>(v.size()));
  std::iota(idx.begin(), idx.end(), Eigen::Index{0});
  std::sort(idx.begin(), idx.end(),
            [&](Eigen::Index a, Eigen::Index b) { return std::abs(v(a)) > std::abs(v(b)); });
  idx.resize(k);
  std::sort(idx.begin(), idx.end());
  return idx;
}

TEST(CompressionTopK, KeepsExactlyTheKLargestMagnitudes) {
  // 0.07 * 100 is 7.000000000000001 in doubles; the user means 7 entries.
  const auto c = make("topk", {{"fraction", 0.07}});
  const Eigen::VectorXd v = normal_vector(100, 3);
  const auto out = c->compress(v);
  EXPECT_EQ(out.wire_bytes, 7 * 8);
  std::vector<Eigen::Index> kept;
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    if (out.decoded(i) != 0) {
      kept.push_back(i);
      EXPECT_EQ(out.decoded(i), static_cast<double>(static_cast<float>(v(i))));  // float32 value
    }
  }
  EXPECT_EQ(kept, largest_magnitudes(v, 7));
}

TEST(CompressionTopK, ByteFormulaAndCeiling) {
  EXPECT_EQ(make("topk")->wire_bytes(1'000'000), 10'000 * 8);              // default fraction 0.01
  EXPECT_EQ(make("topk", {{"fraction", 0.015}})->wire_bytes(100), 2 * 8);  // ceil(1.5)
  EXPECT_EQ(make("topk", {{"fraction", 1e-9}})->wire_bytes(100), 1 * 8);   // ceil(1e-7)
  // fraction 1 keeps everything.
  const Eigen::VectorXd v = normal_vector(50, 4);
  const auto all = make("topk", {{"fraction", 1.0}})->compress(v);
  EXPECT_EQ(all.wire_bytes, 50 * 8);
  EXPECT_EQ(all.decoded, make("none")->compress(v).decoded);
}

TEST(CompressionTopK, TiesGoToTheLowerIndex) {
  Eigen::VectorXd v(6);
  v << 1.0, -2.0, 2.0, 0.5, -2.0, 1.0;
  const auto out = make("topk", {{"fraction", 0.5}})->compress(v);  // k = 3
  Eigen::VectorXd expected(6);
  expected << 0, -2.0, 2.0, 0, -2.0, 0;
  EXPECT_EQ(out.decoded, expected);
  const auto two = make("topk", {{"fraction", 2.0 / 6}})->compress(v);  // k = 2
  expected << 0, -2.0, 2.0, 0, 0, 0;
  EXPECT_EQ(two.decoded, expected);
}

TEST(CompressionRegistry, NamesAndErrors) {
  EXPECT_EQ(compressor_names(), (std::vector<std::string>{"int8", "none", "topk"}));
  try {
    make("int4");
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/compression");
    EXPECT_NE(e.reason().find("topk"), std::string::npos);
  }
  for (double bad : {0.0, 1.5}) {
    try {
      make("topk", {{"fraction", bad}});
      FAIL();
    } catch (const core::InputError& e) {
      EXPECT_EQ(e.json_path(), "/federated/compression_params/fraction");
    }
  }
}

}  // namespace
}  // namespace edgefleet::federated
