#include "learning/idx_loader.hpp"

#include <functional>

#include <gtest/gtest.h>

#include "temp_dir.hpp"
#include "test_data.hpp"

namespace edgefleet::learning {
namespace {

using testing::TempDir;

std::string u32_big_endian(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// Three 2 x 2 images with pixels 0, 51, ..., 255 and labels 2, 0, 1.
std::string images_bytes() {
  std::string s{0, 0, 8, 3};
  s += u32_big_endian(3) + u32_big_endian(2) + u32_big_endian(2);
  const unsigned char pixels[12] = {0, 51, 102, 153, 204, 255, 0, 0, 255, 255, 255, 255};
  s.append(reinterpret_cast<const char*>(pixels), 12);
  return s;
}

std::string labels_bytes() {
  return std::string{0, 0, 8, 1} + u32_big_endian(3) + std::string("\x02\x00\x01", 3);
}

using testing::expect_message;

TEST(LearningIdx, ReadsPlainAndGzippedFilesAlike) {
  const TempDir dir;
  const std::string plain = dir.write("img", images_bytes());
  const std::string gz = dir.write_gz("img.gz", images_bytes());
  for (const auto& path : {plain, gz}) {
    const IdxArray a = read_idx(path, 3);
    EXPECT_EQ(a.dims, (std::vector<std::uint32_t>{3, 2, 2}));
    ASSERT_EQ(a.values.size(), 12u);
    EXPECT_EQ(a.values[1], 51);
    EXPECT_EQ(a.values[11], 255);
  }
}

TEST(LearningIdx, DatasetScalesPixelsAndKeepsRowOrder) {
  const TempDir dir;
  const Dataset d =
      load_idx_dataset(dir.write_gz("i.gz", images_bytes()), dir.write("l", labels_bytes()), 10);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.dim(), 4);
  EXPECT_EQ(d.num_classes, 10);
  EXPECT_EQ(d.labels, (std::vector<int>{2, 0, 1}));
  // Image 0 is 0, 51, 102, 153 -> 0, 0.2, 0.4, 0.6 (row-major pixels become one row).
  EXPECT_FLOAT_EQ(d.features(0, 1), 0.2);
  EXPECT_FLOAT_EQ(d.features(0, 3), 0.6);
  EXPECT_FLOAT_EQ(d.features(1, 1), 1.0);
  EXPECT_FLOAT_EQ(d.features(1, 2), 0.0);
  EXPECT_FLOAT_EQ(d.features(2, 0), 1.0);
  // A cap keeps the first items.
  const Dataset first = load_idx_dataset(dir.file("i.gz"), dir.file("l"), 10, 2);
  EXPECT_EQ(first.size(), 2u);
  EXPECT_EQ(first.features, d.features.topRows(2));
}

TEST(LearningIdx, RejectsMalformedFilesWithClearMessages) {
  const TempDir dir;
  std::string bad_magic = images_bytes();
  bad_magic[0] = 1;
  expect_message([&] { read_idx(dir.write("m", bad_magic), 3); }, "magic number");
  std::string floats = images_bytes();
  floats[2] = 0x0D;
  expect_message([&] { read_idx(dir.write("f", floats), 3); }, "element type 0x0d");
  expect_message([&] { read_idx(dir.write("r", images_bytes()), 1); }, "expected 1 dimensions");
  const std::string full = images_bytes();
  expect_message([&] { read_idx(dir.write("t", full.substr(0, full.size() - 1)), 3); },
                 "truncated");
  expect_message([&] { read_idx(dir.write("x", full + "z"), 3); }, "trailing bytes");
  expect_message([&] { read_idx(dir.file("missing"), 3); }, "cannot open");
  // Counts that disagree, labels beyond the class count.
  const std::string two_labels = std::string{0, 0, 8, 1} + u32_big_endian(2) + "\x01\x01";
  expect_message([&] { load_idx_dataset(dir.write("i", full), dir.write("l2", two_labels), 10); },
                 "3 images but");
  expect_message([&] { load_idx_dataset(dir.file("i"), dir.write("l", labels_bytes()), 2); },
                 "label 2 of item 0");
}

TEST(LearningIdx, RealFashionMnist) {
  const std::string dir = "/usr/share/datasets/fashion-mnist";
  if (!fashion_mnist_available(dir)) GTEST_SKIP() << "Fashion-MNIST not found in " << dir;
  const FashionMnist f = load_fashion_mnist(dir);
  ASSERT_EQ(f.train.size(), 60000u);
  ASSERT_EQ(f.test.size(), 10000u);
  for (const Dataset* d : {&f.train, &f.test}) {
    EXPECT_EQ(d->dim(), 784);
    EXPECT_EQ(d->num_classes, 10);
    EXPECT_GE(d->features.minCoeff(), 0.0);
    EXPECT_LE(d->features.maxCoeff(), 1.0);
    // Both splits are exactly balanced: 6,000 and 1,000 images per class, 10 % each.
    std::vector<std::size_t> counts(10, 0);
    for (int y : d->labels) {
      ASSERT_GE(y, 0);
      ASSERT_LT(y, 10);
      ++counts[static_cast<std::size_t>(y)];
    }
    for (std::size_t c : counts) EXPECT_EQ(c * 10, d->size());
  }
  const FashionMnist small = load_fashion_mnist(dir, 500, 100);
  EXPECT_EQ(small.train.size(), 500u);
  EXPECT_EQ(small.test.size(), 100u);
  EXPECT_EQ(small.train.features, f.train.features.topRows(500));
  EXPECT_FALSE(fashion_mnist_available("/nonexistent"));
}

}  // namespace
}  // namespace edgefleet::learning
