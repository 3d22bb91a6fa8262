#include "learning/row_kernels.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_draws.hpp"

namespace edgefleet::learning::kernel {
namespace {

using Index = std::ptrdiff_t;

std::vector<float> normals(std::size_t n, core::Rng& rng, double scale = 1.0) {
  std::vector<float> v(n);
  for (float& x : v) x = static_cast<float>(scale * core::draw_standard_normal(rng));
  return v;
}

// Every kernel build the CPU runs: SSE2 always, AVX2 where present.
std::vector<const RowKernels*> builds() {
  std::vector<const RowKernels*> out{&sse2_row_kernels()};
  if (avx2_row_kernels()) out.push_back(avx2_row_kernels());
  return out;
}

// One shape's inputs: `count` rows taken out of order from a wider matrix, padded weights whose
// pad columns are 0 (as logistic_layout.hpp lays them out), labels.
struct Batch {
  Index count, d, classes, padded;
  std::vector<float> x, w, bias;
  std::vector<const float*> rows;
  std::vector<int> labels;
  Batch(Index n, Index dim, Index c, core::Rng& rng)
      : count(n), d(dim), classes(c), padded(padded_classes(c)) {
    const Index stride = d + 3;
    x = normals(static_cast<std::size_t>((count + 2) * stride), rng);
    for (Index i = 0; i < count; ++i)  // reversed: rows need not be adjacent or in order
      rows.push_back(x.data() + (count + 1 - i) * stride);
    w = normals(static_cast<std::size_t>(d * padded), rng);
    bias = normals(static_cast<std::size_t>(padded), rng, 3.0);
    for (Index k = 0; k < d; ++k)
      for (Index c2 = classes; c2 < padded; ++c2) w[static_cast<std::size_t>(k * padded + c2)] = 0;
    for (Index c2 = classes; c2 < padded; ++c2) bias[static_cast<std::size_t>(c2)] = 0;
    for (Index i = 0; i < count; ++i) labels.push_back(static_cast<int>((i * 7 + 3) % classes));
  }
  float logit(Index i, Index c) const {  // the promised order: +0, k upwards, then bias + sum
    float sum = 0.0f;
    for (Index k = 0; k < d; ++k) sum = sum + rows[i][k] * w[k * padded + c];
    return bias[c] + sum;
  }
};

const Index kCounts[] = {1, 2, 3, 4, 5, 7, 10, 33};
const Index kDims[] = {1, 2, 3, 5, 60, 61};
// 4-, 8- and 12-wide padded blocks (the AVX2 build's 8-lane vectors and its 4-lane tail).
const Index kClasses[] = {1, 2, 3, 4, 5, 9, 10, 11, 17};

// Logits and gradients to the bit against plain loops, for every tile and remainder path.
TEST(LearningRowKernels, LogitsAndGradientEqualSequentialSumsBitForBit) {
  core::Rng rng(51);
  for (const RowKernels* k : builds())
    for (Index count : kCounts)
      for (Index d : kDims)
        for (Index classes : kClasses) {
          const Batch b(count, d, classes, rng);
          std::vector<float> z(static_cast<std::size_t>(count * b.padded + 1), -1.0f);
          k->logits(b.rows.data(), count, d, b.w.data(), b.bias.data(), b.padded, z.data());
          const std::vector<float> delta = normals(static_cast<std::size_t>(count * b.padded), rng);
          std::vector<float> g(static_cast<std::size_t>(d * b.padded)),
              gb(static_cast<std::size_t>(b.padded));
          k->gradient(b.rows.data(), count, d, delta.data(), b.padded, g.data(), gb.data());
          for (Index c = 0; c < b.padded; ++c) {
            for (Index i = 0; i < count; ++i)
              ASSERT_EQ(z[i * b.padded + c], b.logit(i, c))
                  << k->name << " " << count << " " << d << " " << classes;
            float sum_b = 0.0f;
            for (Index i = 0; i < count; ++i) sum_b = sum_b + delta[i * b.padded + c];
            ASSERT_EQ(gb[c], sum_b) << k->name;
            for (Index f = 0; f < d; ++f) {
              float sum = 0.0f;
              for (Index i = 0; i < count; ++i) sum = sum + b.rows[i][f] * delta[i * b.padded + c];
              ASSERT_EQ(g[f * b.padded + c], sum)
                  << k->name << " " << count << " " << d << " " << classes;
            }
          }
          EXPECT_EQ(z.back(), -1.0f);  // nothing written past count rows
        }
}

// The softmax delta and the evaluation loss against plain loops over exp_f32, to the bit: every
// class count of the rows-in-lanes paths (1-12) and beyond, full lane groups and remainders.
TEST(LearningRowKernels, SoftmaxDeltaAndLossEqualPlainLoopsBitForBit) {
  core::Rng rng(52);
  const Index counts[] = {1, 3, 4, 7, 8, 9, 10, 16, 17, 33};
  const Index dims[] = {5, 60, 130};  // 130: more features than one 64-feature transpose
  for (const RowKernels* k : builds())
    for (Index count : counts)
      for (Index d : dims)
        for (Index classes = 1; classes <= 14; ++classes) {
          Batch b(count, d, classes, rng);
          if (classes > 2) {  // classes 1 and 2 tie in every row (the row max when d is 60)
            for (Index f = 0; f < d; ++f) b.w[f * b.padded + 2] = b.w[f * b.padded + 1];
            b.bias[1] = b.bias[2] = b.bias[1] + (d == 60 ? 50.0f : 0.0f);
          }
          std::vector<float> z(static_cast<std::size_t>(count * b.padded));
          for (Index i = 0; i < count; ++i)
            for (Index c = 0; c < b.padded; ++c) z[i * b.padded + c] = b.logit(i, c);
          const std::vector<const float*>& rows = b.rows;
          std::vector<float> delta(z.size(), -1.0f);
          k->logits_delta(rows.data(), count, d, b.w.data(), b.bias.data(), b.padded, classes,
                          b.labels.data(), delta.data());
          double loss = 0.5;  // accumulates onto what is there
          long correct = 1;
          std::vector<float> scratch(z.size());
          k->evaluate(rows.data(), count, d, b.w.data(), b.bias.data(), b.padded, classes,
                      b.labels.data(), scratch.data(), &loss, &correct);
          double want_loss = 0.5;
          long want_correct = 1;
          for (Index i = 0; i < count; ++i) {
            const float* zi = z.data() + i * b.padded;
            float m = zi[0];
            for (Index c = 1; c < classes; ++c) m = m < zi[c] ? zi[c] : m;
            std::vector<float> e(static_cast<std::size_t>(classes));
            float sum = 0.0f;
            for (Index c = 0; c < classes; ++c) e[c] = exp_f32(zi[c] - m);
            for (Index c = 0; c < classes; ++c) sum = sum + e[c];
            const int y = b.labels[static_cast<std::size_t>(i)];
            for (Index c = 0; c < b.padded; ++c) {
              float p = c < classes ? e[c] / sum : 0.0f;
              if (c == y) p = p - 1.0f;
              ASSERT_EQ(delta[i * b.padded + c], p / static_cast<float>(count))
                  << k->name << " " << count << " " << d << " " << classes << " " << c;
            }
            Index first_max = 0;
            for (Index c = 1; c < classes; ++c)
              if (zi[c] > zi[first_max]) first_max = c;
            want_correct += first_max == y;
            want_loss = want_loss + (std::log(static_cast<double>(sum)) - (zi[y] - m));
          }
          ASSERT_EQ(loss, want_loss) << k->name << " " << count << " " << d << " " << classes;
          ASSERT_EQ(correct, want_correct) << k->name << " " << count << " " << d << " " << classes;
        }
}

// exp_f32 is exp: within 2 ulp of the double exp rounded to float on [-87, 0], 0 below.
TEST(LearningRowKernels, ExpIsAccurate) {
  double worst_ulp = 0;
  for (float x = -87.0f; x <= 0.0f; x += 0.00123f) {
    const double exact = std::exp(static_cast<double>(x));
    const float rounded = static_cast<float>(exact);
    const double ulp = std::nextafter(rounded, 1e30f) - rounded;
    worst_ulp = std::max(worst_ulp, std::abs(exp_f32(x) - exact) / ulp);
  }
  EXPECT_LE(worst_ulp, 2.0);
  EXPECT_EQ(exp_f32(0.0f), 1.0f);
  EXPECT_EQ(exp_f32(-88.0f), 0.0f);
  EXPECT_EQ(exp_f32(-1e30f), 0.0f);
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
