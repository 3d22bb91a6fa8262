#include "learning/csv_dataset.hpp"

#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "temp_dir.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::TempDir;

using testing::expect_message;

TEST(LearningCsv, ReadsFeaturesAndLastColumnLabels) {
  const TempDir dir;
  const std::string text = "a,b,label\n1.5, -2,0\r\n\n3e2,4,3\n0,0.25,1\n";
  for (const auto& path : {dir.write("d.csv", text), dir.write_gz("d.csv.gz", text)}) {
    const Dataset d = load_csv_dataset(path, true);
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d.dim(), 2);
    EXPECT_EQ(d.labels, (std::vector<int>{0, 3, 1}));
    EXPECT_EQ(d.num_classes, 4);  // max label + 1
    EXPECT_FLOAT_EQ(d.features(0, 1), -2.0);
    EXPECT_FLOAT_EQ(d.features(1, 0), 300.0);
    EXPECT_FLOAT_EQ(d.features(2, 1), 0.25);
  }
}

TEST(LearningCsv, ErrorsNameFileLineAndReason) {
  const TempDir dir;
  const std::string ragged = dir.write("ragged.csv", "1,2,0\n1,1\n");
  expect_message([&] { load_csv_dataset(ragged); }, ragged + ":2: expected 3 columns");
  const std::string word = dir.write("word.csv", "h1,h2\n1,0\nx,1\n");
  expect_message([&] { load_csv_dataset(word, true); }, word + ":3: column 1: 'x' is not a number");
  expect_message([&] { load_csv_dataset(dir.write("neg.csv", "1,-1\n")); }, ":1: label '-1'");
  expect_message([&] { load_csv_dataset(dir.write("frac.csv", "1,0.5\n")); }, ":1: label '0.5'");
  expect_message([&] { load_csv_dataset(dir.write("one.csv", "1\n")); }, ":1: need at least");
  expect_message([&] { load_csv_dataset(dir.write("empty.csv", "h\n"), true); }, "no data rows");
  expect_message([&] { load_csv_dataset(dir.file("missing.csv")); }, "cannot open");
}

TEST(LearningCsv, StandardizeUsesTrainStatistics) {
  // Train column 0 = {1, 3}: mean 2, population sd 1, so 1 -> -1, 3 -> 1 and test 5 -> 3.
  // Column 1 is constant on train: zero in both sets.
  Dataset train, test;
  train.features.resize(2, 2);
  train.features << 1, 7, 3, 7;
  test.features.resize(1, 2);
  test.features << 5, 9;
  standardize(train, test);
  EXPECT_FLOAT_EQ(train.features(0, 0), -1.0);
  EXPECT_FLOAT_EQ(train.features(1, 0), 1.0);
  EXPECT_FLOAT_EQ(test.features(0, 0), 3.0);
  EXPECT_EQ(train.features.col(1).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(test.features(0, 1), 0.0);
}

TEST(LearningCsv, RealSklearnDigits) {
  const std::string path = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not found";
  Dataset d = load_csv_dataset(path);
  ASSERT_EQ(d.size(), 1797u);
  EXPECT_EQ(d.dim(), 64);
  EXPECT_EQ(d.num_classes, 10);
  // 8 x 8 images with 17 grey levels 0..16.
  EXPECT_EQ(d.features.minCoeff(), 0.0);
  EXPECT_EQ(d.features.maxCoeff(), 16.0);
  // After standardisation the non-constant columns have mean 0 and population sd 1.
  Dataset copy = d;
  standardize(d, copy);
  int constant = 0;
  for (Eigen::Index j = 0; j < d.features.cols(); ++j) {
    const Eigen::ArrayXd col = d.features.col(j).cast<double>().array();  // sums in double
    if ((col == 0).all()) {
      ++constant;
      continue;
    }
    // z-scores stored as float32 (dataset.hpp): exact to float rounding.
    EXPECT_NEAR(col.mean(), 0, 1e-6);
    EXPECT_NEAR(std::sqrt(col.square().mean()), 1, 1e-6);
  }
  EXPECT_GT(constant, 0);  // digits has all-zero corner pixels
  EXPECT_LT(constant, 64);
}

}  // namespace
}  // namespace edgefleet::learning
