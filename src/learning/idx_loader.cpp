#include "learning/idx_loader.hpp"

#include <array>
#include <filesystem>
#include <stdexcept>

#include "learning/gz_reader.hpp"

namespace edgefleet::learning {

namespace {

constexpr std::uint8_t kUnsignedByte = 0x08;

std::uint32_t big_endian_u32(const std::array<std::uint8_t, 4>& b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         std::uint32_t{b[3]};
}

std::string hex_byte(std::uint8_t b) {
  static const char* digits = "0123456789abcdef";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

const char* const kFiles[] = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                              "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

}  // namespace

IdxArray read_idx(const std::string& path, std::size_t expected_ndims, std::size_t max_items) {
  GzReader in(path);
  std::array<std::uint8_t, 4> magic{};
  in.read_exact(magic.data(), 4, "the magic number");
  if (magic[0] != 0 || magic[1] != 0)
    throw std::runtime_error(path +
                             ": not an IDX file (magic number must start with two zero "
                             "bytes, got " +
                             hex_byte(magic[0]) + " " + hex_byte(magic[1]) + ")");
  if (magic[2] != kUnsignedByte)
    throw std::runtime_error(path + ": unsupported IDX element type " + hex_byte(magic[2]) +
                             " (only unsigned byte, 0x08)");
  if (magic[3] != expected_ndims)
    throw std::runtime_error(path + ": expected " + std::to_string(expected_ndims) +
                             " dimensions, the header says " + std::to_string(magic[3]));
  IdxArray out;
  std::size_t item_size = 1;
  for (std::size_t i = 0; i < expected_ndims; ++i) {
    std::array<std::uint8_t, 4> b{};
    in.read_exact(b.data(), 4, "dimension " + std::to_string(i));
    out.dims.push_back(big_endian_u32(b));
    if (i > 0) item_size *= out.dims.back();
  }
  const std::size_t declared = out.dims[0];
  const std::size_t items = max_items > 0 ? std::min(max_items, declared) : declared;
  out.dims[0] = static_cast<std::uint32_t>(items);
  out.values.resize(items * item_size);
  in.read_exact(out.values.data(), out.values.size(),
                std::to_string(items) + " items of " + std::to_string(item_size) + " bytes");
  if (items == declared) {
    std::uint8_t extra;
    if (in.read_some(&extra, 1) != 0)
      throw std::runtime_error(path + ": trailing bytes after the " + std::to_string(declared) +
                               " items the header declares");
  }
  return out;
}

Dataset load_idx_dataset(const std::string& images_path, const std::string& labels_path,
                         int num_classes, std::size_t max_items) {
  const IdxArray images = read_idx(images_path, 3, max_items);
  const IdxArray labels = read_idx(labels_path, 1, max_items);
  if (images.dims[0] != labels.dims[0])
    throw std::runtime_error(images_path + " has " + std::to_string(images.dims[0]) +
                             " images but " + labels_path + " has " +
                             std::to_string(labels.dims[0]) + " labels");
  const Eigen::Index n = images.dims[0];
  const Eigen::Index pixels = Eigen::Index{images.dims[1]} * images.dims[2];
  Dataset data;
  data.num_classes = num_classes;
  data.labels.reserve(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const int y = labels.values[static_cast<std::size_t>(i)];
    if (y >= num_classes)
      throw std::runtime_error(labels_path + ": label " + std::to_string(y) + " of item " +
                               std::to_string(i) + " is not below " + std::to_string(num_classes));
    data.labels.push_back(y);
  }
  // The bytes are row-major (one image after another), as the feature matrix; k / 255 in float
  // is the correctly rounded float of the pixel's intensity.
  using RowMajorBytes =
      Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Map<const RowMajorBytes> bytes(images.values.data(), n, pixels);
  data.features = bytes.cast<float>() / 255.0f;
  return data;
}

bool fashion_mnist_available(const std::string& dir) {
  for (const char* f : kFiles)
    if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / f)) return false;
  return true;
}

FashionMnist load_fashion_mnist(const std::string& dir, std::size_t max_train,
                                std::size_t max_test) {
  const auto file = [&](int i) { return (std::filesystem::path(dir) / kFiles[i]).string(); };
  FashionMnist out;
  out.train = load_idx_dataset(file(0), file(1), 10, max_train);
  out.test = load_idx_dataset(file(2), file(3), 10, max_test);
  if (out.train.dim() != 784 || out.test.dim() != 784)
    throw std::runtime_error(dir + ": Fashion-MNIST images must be 28 x 28");
  return out;
}

}  // namespace edgefleet::learning
