#include "learning/argmax_logits.hpp"

#include <array>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_draws.hpp"

namespace edgefleet::learning {
namespace {

using DoubleRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Problem {
  DoubleRows x;
  Eigen::MatrixXd w;
  Eigen::RowVectorXd b;
};

Problem random_problem(Eigen::Index rows, Eigen::Index d, Eigen::Index classes,
                       std::uint64_t seed) {
  core::Rng rng = core::make_stream(seed, core::StreamPurpose::kDataset, 0);
  Problem p{DoubleRows(rows, d), Eigen::MatrixXd(d, classes), Eigen::RowVectorXd(classes)};
  core::fill_standard_normal(rng, p.x.data(), static_cast<std::size_t>(p.x.size()));
  core::fill_standard_normal(rng, p.w.data(), static_cast<std::size_t>(p.w.size()));
  core::fill_standard_normal(rng, p.b.data(), static_cast<std::size_t>(p.b.size()));
  return p;
}

std::vector<int> labels_of(const Problem& p, const ArgmaxKernel& kernel = argmax_kernel()) {
  std::vector<int> labels(static_cast<std::size_t>(p.x.rows()));
  LogitsArgmax(p.w, p.b, kernel).label(p.x.data(), p.x.rows(), labels.data());
  return labels;
}

// The kernels this CPU runs: SSE2 always, AVX2 when present.
std::vector<const ArgmaxKernel*> kernels() {
  std::vector<const ArgmaxKernel*> k = {&argmax_kernel_sse2()};
  if (const ArgmaxKernel* avx2 = argmax_kernel_avx2()) k.push_back(avx2);
  return k;
}

// The documented order, one logit at a time: sum from +0 in feature order, then + b; the first
// largest class wins.
int reference_label(const Problem& p, Eigen::Index i) {
  int best = 0;
  double best_z = 0;
  for (Eigen::Index c = 0; c < p.w.cols(); ++c) {
    double z = 0.0;
    for (Eigen::Index k = 0; k < p.w.rows(); ++k) z = z + p.x(i, k) * p.w(k, c);
    z = z + p.b(c);
    if (c == 0 || z > best_z) {
      best_z = z;
      best = static_cast<int>(c);
    }
  }
  return best;
}

// Row counts that fill the tiles and ones that leave 1 to 3 rows over, class counts below, at
// and above one tile, odd ones included (padded class columns); every kernel the CPU runs.
TEST(LearningArgmaxLogits, LabelsAreTheReferenceOrdersArgmax) {
  for (const ArgmaxKernel* kernel : kernels())
    for (const auto& [rows, d, classes] : std::vector<std::array<Eigen::Index, 3>>{{1, 60, 10},
                                                                                   {7, 60, 10},
                                                                                   {240, 60, 10},
                                                                                   {33, 5, 3},
                                                                                   {50, 17, 13},
                                                                                   {22, 60, 24},
                                                                                   {6, 9, 1}}) {
      const Problem p =
          random_problem(rows, d, classes, static_cast<std::uint64_t>(rows * classes));
      const std::vector<int> labels = labels_of(p, *kernel);
      for (Eigen::Index i = 0; i < rows; ++i)
        ASSERT_EQ(labels[static_cast<std::size_t>(i)], reference_label(p, i))
            << kernel->name << " " << rows << "x" << d << ", " << classes << " classes, row " << i;
    }
}

// The Synthetic labels came from Eigen's product before: the same labels on 100,000 rows.
TEST(LearningArgmaxLogits, SameLabelsAsEigensProduct) {
  const Problem p = random_problem(100000, 60, 10, 5);
  const Eigen::MatrixXd z = (p.x * p.w).rowwise() + p.b;
  const std::vector<int> labels = labels_of(p);
  for (const ArgmaxKernel* kernel : kernels()) EXPECT_EQ(labels_of(p, *kernel), labels);
  std::vector<int> counts(10, 0);
  for (Eigen::Index i = 0; i < z.rows(); ++i) {
    Eigen::Index expected;
    z.row(i).maxCoeff(&expected);
    ASSERT_EQ(labels[static_cast<std::size_t>(i)], expected) << i;
    ++counts[static_cast<std::size_t>(expected)];
  }
  for (int n : counts) EXPECT_GT(n, 5000);  // every class is some row's label
}

TEST(LearningArgmaxLogits, TiesGoToTheFirstClass) {
  Problem p = random_problem(9, 4, 5, 3);
  p.w.col(3) = p.w.col(1);
  p.b(3) = p.b(1);
  p.w.col(1) *= 10;  // class 1 (and its twin 3) dominate where x W(:, 1) > 0
  p.w.col(3) = p.w.col(1);
  const std::vector<int> labels = labels_of(p);
  int ones = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_NE(labels[i], 3) << i;
    ones += labels[i] == 1;
  }
  EXPECT_GT(ones, 0);  // the tie did occur
}

}  // namespace
}  // namespace edgefleet::learning
