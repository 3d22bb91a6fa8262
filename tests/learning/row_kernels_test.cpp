#include "learning/row_kernels.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "core/random_draws.hpp"

namespace edgefleet::learning::kernel {
namespace {

using Index = std::ptrdiff_t;

std::vector<double> normals(std::size_t n, core::Rng& rng) {
  std::vector<double> v(n);
  core::fill_standard_normal(rng, v.data(), n);
  return v;
}

// Every kernel build the CPU runs: SSE2 always, AVX2 where present.
std::vector<const RowKernels*> builds() {
  std::vector<const RowKernels*> out{&sse2_row_kernels()};
  if (avx2_row_kernels()) out.push_back(avx2_row_kernels());
  return out;
}

// The promised order (index 0 upwards from +0, then bias + sum), checked to the bit against a
// plain loop, for every tile and remainder path, rows taken out of order from a wider matrix, and
// logits stored row-major and column-major. Shapes cover 4/2/1-row tiles, 4/2/1-feature tiles and
// class counts that use 8-, 4-, 2-wide and scalar class blocks.
TEST(LearningRowKernels, LogitsAndGradientEqualSequentialSumsBitForBit) {
  core::Rng rng(51);
  for (const RowKernels* k : builds())
    for (Index count : {1, 2, 3, 4, 5, 7, 10, 33})
      for (Index d : {1, 2, 3, 5, 60, 61})
        for (Index classes : {1, 2, 3, 4, 5, 9, 10, 11, 17}) {
          const Index stride = d + 3;  // rows of a wider matrix
          const std::vector<double> x =
              normals(static_cast<std::size_t>((count + 2) * stride), rng);
          std::vector<const double*> rows(static_cast<std::size_t>(count));
          for (Index i = 0; i < count; ++i)  // reversed: rows need not be adjacent or in order
            rows[static_cast<std::size_t>(i)] = x.data() + (count + 1 - i) * stride;
          const std::vector<double> w = normals(static_cast<std::size_t>(d * classes), rng);
          const std::vector<double> bias = normals(static_cast<std::size_t>(classes), rng);
          const std::vector<double> delta = normals(static_cast<std::size_t>(count * classes), rng);
          std::vector<double> z_rm(static_cast<std::size_t>(count * classes), -1.0);
          const Index ld = count + 1;  // column-major with a leading dimension beyond count
          std::vector<double> z_cm(static_cast<std::size_t>(ld * classes), -1.0);
          k->logits(rows.data(), count, d, w.data(), bias.data(), classes, z_rm.data(), classes, 1);
          k->logits(rows.data(), count, d, w.data(), bias.data(), classes, z_cm.data(), 1, ld);
          std::vector<double> g(static_cast<std::size_t>(d * classes)),
              gb(static_cast<std::size_t>(classes));
          k->gradient(rows.data(), count, d, delta.data(), classes, g.data(), gb.data());
          for (Index c = 0; c < classes; ++c) {
            for (Index i = 0; i < count; ++i) {
              double sum = 0;
              for (Index f = 0; f < d; ++f) sum = sum + rows[i][f] * w[f * classes + c];
              ASSERT_EQ(z_rm[i * classes + c], bias[c] + sum)
                  << k->name << " " << count << " " << d << " " << classes;
              ASSERT_EQ(z_cm[c * ld + i], bias[c] + sum) << k->name;
            }
            EXPECT_EQ(z_cm[c * ld + count], -1.0);  // nothing written past `count`
            double sum_b = 0;
            for (Index i = 0; i < count; ++i) sum_b = sum_b + delta[i * classes + c];
            ASSERT_EQ(gb[c], sum_b) << k->name;
            for (Index f = 0; f < d; ++f) {
              double sum = 0;
              for (Index i = 0; i < count; ++i) sum = sum + rows[i][f] * delta[i * classes + c];
              ASSERT_EQ(g[f * classes + c], sum)
                  << k->name << " " << count << " " << d << " " << classes;
            }
          }
        }
}

TEST(LearningRowKernels, BestBuildIsOneOfTheBuilds) {
  const RowKernels& best = row_kernels();
  EXPECT_TRUE(&best == &sse2_row_kernels() || &best == avx2_row_kernels());
  if (__builtin_cpu_supports("avx2")) {
    EXPECT_STREQ(best.name, "avx2");
  }
}

}  // namespace
}  // namespace edgefleet::learning::kernel
