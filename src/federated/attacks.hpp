#pragma once
// Byzantine clients for robustness experiments: which clients attack (a fixed, seeded subset)
// and how they corrupt their update before sending it.
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

#include "core/rng.hpp"

namespace edgefleet::federated {

struct AttackSpec {
  std::string kind = "none";  // none | sign_flip | scale | gaussian
  double fraction = 0;        // share of clients that attack, in [0, 1]
  double scale = 1;           // multiplier (sign_flip, scale) or noise std (gaussian)
};

// none: unchanged; sign_flip: delta = -scale delta; scale: delta = scale delta;
// gaussian: delta replaced by N(0, scale^2) per coordinate (draws from rng only for gaussian).
// Throws std::invalid_argument for an unknown kind.
void apply_attack(const AttackSpec& spec, Eigen::VectorXd& delta, core::Rng& rng);

// Whether client_id is an attacker: a Bernoulli(fraction) draw from the client's own stream
// (seed, StreamPurpose::kAttackers, client_id), so the same clients attack in every round and the
// answer does not depend on which other clients were asked. Always false for kind "none".
bool is_attacker(const AttackSpec& spec, std::int64_t client_id, std::uint64_t seed);

std::vector<std::string> attack_kinds();

// Reads {"kind", "fraction", "scale"} from user input; core::InputError with the JSON path for an
// unknown kind, out-of-range or unknown field.
AttackSpec parse_attack_spec(const nlohmann::json& object, const std::string& path);

}  // namespace edgefleet::federated
