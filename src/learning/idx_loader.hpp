#pragma once
// IDX files (the MNIST / Fashion-MNIST format, LeCun et al.), gzip'd or plain: a big-endian
// header [0, 0, type, ndims] [dim_0 .. dim_{ndims-1} as uint32], then the elements in row-major
// order. Only unsigned-byte elements (type 0x08) are supported, which is what both datasets use.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "learning/dataset.hpp"

namespace edgefleet::learning {

struct IdxArray {
  std::vector<std::uint32_t> dims;   // dims[0] = items actually read (capped by max_items)
  std::vector<std::uint8_t> values;  // row-major, product(dims) entries
};

// Reads an IDX file of unsigned bytes with `expected_ndims` dimensions, keeping the first
// `max_items` items along dimension 0 (all when 0). Throws std::runtime_error naming the file on
// a bad magic number, a different element type or rank, a truncated body, or trailing bytes when
// the whole file is read.
IdxArray read_idx(const std::string& path, std::size_t expected_ndims, std::size_t max_items = 0);

// An image file (n x rows x cols) and its label file (n) as a dataset: one row of
// rows * cols pixels scaled from 0..255 to [0, 1] per image, labels checked in [0, num_classes).
Dataset load_idx_dataset(const std::string& images_path, const std::string& labels_path,
                         int num_classes, std::size_t max_items = 0);

struct FashionMnist {
  Dataset train, test;
};

// True when the four Fashion-MNIST files (train/t10k images/labels, .gz) are in `dir`.
bool fashion_mnist_available(const std::string& dir);

// 60,000 training and 10,000 test images of 28 x 28 = 784 pixels in [0, 1], 10 classes; the
// first max_train / max_test of each (all when 0).
FashionMnist load_fashion_mnist(const std::string& dir = "/usr/share/datasets/fashion-mnist",
                                std::size_t max_train = 0, std::size_t max_test = 0);

}  // namespace edgefleet::learning
