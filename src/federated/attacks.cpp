#include "federated/attacks.hpp"

#include <functional>
#include <map>
#include <stdexcept>

#include "core/input_error.hpp"
#include "core/random_draws.hpp"
#include "scenario/named_factory.hpp"

namespace edgefleet::federated {

namespace {

struct AttackKind {
  std::function<void(double scale, Eigen::VectorXd& delta, core::Rng& rng)> corrupt;
  double min_scale;  // gaussian's scale is a standard deviation, hence non-negative
};

const std::map<std::string, AttackKind, std::less<>>& registry() {
  static const std::map<std::string, AttackKind, std::less<>> r = {
      {"none", {[](double, Eigen::VectorXd&, core::Rng&) {}, -1e12}},
      {"sign_flip", {[](double s, Eigen::VectorXd& d, core::Rng&) { d *= -s; }, -1e12}},
      {"scale", {[](double s, Eigen::VectorXd& d, core::Rng&) { d *= s; }, -1e12}},
      {"gaussian",
       {[](double s, Eigen::VectorXd& d, core::Rng& rng) {
          for (Eigen::Index i = 0; i < d.size(); ++i) d(i) = core::draw_normal(rng, 0.0, s);
        },
        0.0}},
  };
  return r;
}

}  // namespace

void apply_attack(const AttackSpec& spec, Eigen::VectorXd& delta, core::Rng& rng) {
  const auto it = registry().find(spec.kind);
  if (it == registry().end())
    throw std::invalid_argument("unknown attack kind '" + spec.kind + "'");
  it->second.corrupt(spec.scale, delta, rng);
}

bool is_attacker(const AttackSpec& spec, std::int64_t client_id, std::uint64_t seed) {
  if (spec.kind == "none" || spec.fraction <= 0) return false;
  core::Rng rng = core::make_stream(seed, core::StreamPurpose::kAttackers,
                                    static_cast<std::uint64_t>(client_id));
  return core::uniform01(rng) < spec.fraction;
}

std::vector<std::string> attack_kinds() {
  return scenario::registry_names(registry());
}

AttackSpec parse_attack_spec(const nlohmann::json& object, const std::string& path) {
  if (!object.is_object())
    throw core::InputError(path, "expected an object, got " + scenario::json_type_name(object));
  const std::string kind_path = scenario::json_pointer_child(path, "kind");
  std::string kind = "none";
  if (const auto it = object.find("kind"); it != object.end()) {
    if (!it->is_string())
      throw core::InputError(kind_path, "expected a string, got " + scenario::json_type_name(*it));
    kind = it->get<std::string>();
  }
  nlohmann::json params = object;
  params.erase("kind");
  // Every kind takes fraction and scale (even none, so a sweep can switch the attack off without
  // deleting them); the kind's own entry bounds the scale.
  using Reader = std::function<AttackSpec(scenario::ObjectReader&)>;
  std::map<std::string, Reader, std::less<>> readers;
  for (const auto& [k, entry] : registry()) {
    readers.emplace(k, [k, min_scale = entry.min_scale](scenario::ObjectReader& p) {
      AttackSpec spec;
      spec.kind = k;
      spec.fraction = p.number("fraction", 0.0, 0.0, 1.0);
      spec.scale = p.number("scale", 1.0, min_scale, 1e12);
      return spec;
    });
  }
  return scenario::build_named(readers, "attack kind", kind, params, kind_path, path);
}

}  // namespace edgefleet::federated
