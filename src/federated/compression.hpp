#pragma once
// Update compression for the uplink (and the model on the downlink), chosen by name from a
// registry. Each compressor returns what the server decodes and the bytes on the wire.
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace edgefleet::federated {

struct CompressedUpdate {
  Eigen::VectorXd decoded;  // what the receiver reconstructs
  double wire_bytes = 0;
};

class Compressor {
 public:
  virtual ~Compressor() = default;
  virtual CompressedUpdate compress(const Eigen::VectorXd& update) const = 0;
  // Bytes for `parameters` values without seeing the data (e.g. the model on the downlink).
  virtual double wire_bytes(Eigen::Index parameters) const = 0;
};

// none (float32: 4 bytes per parameter), int8 (per-tensor affine: n + 8 bytes),
// topk {fraction in (0, 1], default 0.01} (k = ceil(fraction n) entries, 8 bytes each).
// Unknown name -> core::InputError at name_path listing the known ones; bad or unknown parameter
// -> core::InputError under params_path.
std::unique_ptr<Compressor> make_compressor(const std::string& name, const nlohmann::json& params,
                                            const std::string& name_path,
                                            const std::string& params_path);
std::vector<std::string> compressor_names();

}  // namespace edgefleet::federated
