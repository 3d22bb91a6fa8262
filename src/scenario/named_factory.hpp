#pragma once
// Resolves a user-chosen name in a registry of factories (DESIGN principle 2) and builds the
// object from its parameter object, with the errors every registry shares: unknown name (with a
// suggestion and the known names) at `name_path`, non-object or unknown parameters at
// `params_path`.
#include <memory>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "scenario/json_reader.hpp"

namespace edgefleet::scenario {

template <typename Registry>
std::vector<std::string> registry_names(const Registry& registry) {
  std::vector<std::string> out;
  for (const auto& entry : registry) out.push_back(entry.first);
  return out;
}

template <typename Registry>
auto build_named(const Registry& registry, std::string_view kind, const std::string& name,
                 const Json& params, const std::string& name_path, const std::string& params_path) {
  const auto it = registry.find(name);
  if (it == registry.end()) {
    const auto names = registry_names(registry);
    std::string reason = "unknown " + std::string(kind) + " '" + name + "'";
    if (auto near = closest_name(name, names); !near.empty())
      reason += " (did you mean '" + near + "'?)";
    throw core::InputError(name_path, reason + "; known: " + join_names(names));
  }
  static const Json empty = Json::object();
  if (!params.is_null() && !params.is_object())
    throw core::InputError(params_path, "expected an object, got " + json_type_name(params));
  ObjectReader reader(params.is_null() ? empty : params, params_path);
  auto built = it->second(reader);
  reader.finish();
  return built;
}

}  // namespace edgefleet::scenario
