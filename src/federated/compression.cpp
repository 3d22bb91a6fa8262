#include "federated/compression.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>

#include "core/input_error.hpp"
#include "scenario/named_factory.hpp"

namespace edgefleet::federated {

namespace {

constexpr double kFloat32Bytes = 4;

// Uncompressed float32 on the wire: the receiver sees each value rounded to float.
class NoCompression final : public Compressor {
 public:
  CompressedUpdate compress(const Eigen::VectorXd& update) const override {
    return {update.cast<float>().cast<double>(), wire_bytes(update.size())};
  }
  double wire_bytes(Eigen::Index n) const override { return kFloat32Bytes * n; }
};

// Per-tensor affine 8-bit quantisation: q = round((x - min) / scale) in [0, 255] with
// scale = (max - min) / 255, decoded as min + q scale, so each value is off by at most scale / 2.
// The wire carries n codes plus scale and offset (two float32); the decode here keeps them in
// double, since their float rounding (2^-24 relative) is far below the 1/255 step.
class Int8Affine final : public Compressor {
 public:
  CompressedUpdate compress(const Eigen::VectorXd& update) const override {
    CompressedUpdate out{Eigen::VectorXd(update.size()), wire_bytes(update.size())};
    if (update.size() == 0) return out;
    const double lo = update.minCoeff();
    const double scale = (update.maxCoeff() - lo) / 255.0;
    if (scale == 0) {  // constant tensor: the offset alone reproduces it
      out.decoded.setConstant(lo);
      return out;
    }
    for (Eigen::Index i = 0; i < update.size(); ++i) {
      const double code = std::clamp(std::round((update(i) - lo) / scale), 0.0, 255.0);
      out.decoded(i) = lo + code * scale;
    }
    return out;
  }
  double wire_bytes(Eigen::Index n) const override { return n + 2 * kFloat32Bytes; }
};

// Top-k sparsification: keep the k largest |x| (ties to the lower index, so the choice is
// deterministic), zero the rest; each kept entry costs a 4-byte index and a float32 value, so
// the receiver sees the kept values rounded to float.
class TopK final : public Compressor {
 public:
  explicit TopK(double fraction) : fraction_(fraction) {}

  CompressedUpdate compress(const Eigen::VectorXd& update) const override {
    const Eigen::Index n = update.size();
    const Eigen::Index k = kept(n);
    CompressedUpdate out{Eigen::VectorXd::Zero(n), wire_bytes(n)};
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    const auto larger = [&](Eigen::Index a, Eigen::Index b) {
      const double fa = std::abs(update(a)), fb = std::abs(update(b));
      return fa > fb || (fa == fb && a < b);
    };
    std::nth_element(order.begin(), order.begin() + k, order.end(), larger);
    for (Eigen::Index j = 0; j < k; ++j) {
      const Eigen::Index i = order[static_cast<std::size_t>(j)];
      out.decoded(i) = static_cast<float>(update(i));
    }
    return out;
  }
  double wire_bytes(Eigen::Index n) const override {
    return static_cast<double>(kept(n)) * (4 + kFloat32Bytes);
  }

 private:
  // k = ceil(fraction n); the small slack stops a fraction like 0.07 (stored as 0.07000...01)
  // from rounding 7.000000000000001 up to 8 kept entries.
  Eigen::Index kept(Eigen::Index n) const {
    const double x = fraction_ * static_cast<double>(n);
    const auto k = static_cast<Eigen::Index>(std::ceil(x - 1e-9 * std::max(1.0, x)));
    return std::clamp<Eigen::Index>(k, 0, n);
  }
  double fraction_;
};

using Factory = std::function<std::unique_ptr<Compressor>(scenario::ObjectReader&)>;

const std::map<std::string, Factory, std::less<>>& registry() {
  static const std::map<std::string, Factory, std::less<>> r = {
      {"none", [](scenario::ObjectReader&) { return std::make_unique<NoCompression>(); }},
      {"int8", [](scenario::ObjectReader&) { return std::make_unique<Int8Affine>(); }},
      {"topk",
       [](scenario::ObjectReader& p) {
         const double fraction = p.number("fraction", 0.01, 0.0, 1.0);
         if (fraction <= 0) throw core::InputError(p.path_of("fraction"), "must be in (0, 1]");
         return std::make_unique<TopK>(fraction);
       }},
  };
  return r;
}

}  // namespace

std::unique_ptr<Compressor> make_compressor(const std::string& name, const nlohmann::json& params,
                                            const std::string& name_path,
                                            const std::string& params_path) {
  return scenario::build_named(registry(), "compressor", name, params, name_path, params_path);
}

std::vector<std::string> compressor_names() {
  return scenario::registry_names(registry());
}

}  // namespace edgefleet::federated
