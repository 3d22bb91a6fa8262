#include "scenario/load.hpp"

#include <fstream>
#include <sstream>

#include "core/input_error.hpp"
#include "scenario/parse_sections.hpp"

namespace edgefleet::embedded {
extern const char* const quickstart_scenario;
}  // namespace edgefleet::embedded

namespace edgefleet::scenario {

using core::InputError;

const char* builtin_default_scenario_text() {
  return embedded::quickstart_scenario;
}

Json parse_json_text(const std::string& text, const std::string& source_name) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    // nlohmann reports a byte offset; users want line:column.
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    const auto colon = what.find("parse error");
    what = colon == std::string::npos ? what : what.substr(colon);
    throw InputError(source_name + ":" + std::to_string(line) + ":" + std::to_string(column),
                     "malformed JSON: " + what);
  }
}

void apply_set_override(Json& document, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || assignment.empty() || assignment[0] != '/') {
    throw InputError(assignment, "--set expects /json/pointer=value");
  }
  const std::string pointer = assignment.substr(0, eq);
  const std::string value_text = assignment.substr(eq + 1);
  Json value = Json::parse(value_text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) value = value_text;  // bare words are strings: --set /name=big
  try {
    document[Json::json_pointer(pointer)] = value;
  } catch (const Json::exception& e) {
    throw InputError(pointer, std::string("--set cannot assign here: ") + e.what());
  }
}

Scenario load_scenario_json(Json document, const LoadOptions& options) {
  for (const auto& assignment : options.set_overrides) apply_set_override(document, assignment);
  if (options.seed) document["seed"] = *options.seed;

  ObjectReader root(document, "");
  Scenario s;
  s.schema_version = static_cast<int>(root.integer("schema_version", std::nullopt, 1));
  if (s.schema_version != 1) {
    throw InputError("/schema_version", "unsupported schema_version " +
                                            std::to_string(s.schema_version) +
                                            " (this edgefleet reads 1)");
  }
  s.name = root.string("name", "scenario");
  if (s.name.empty() || s.name.find_first_of("/\\") != std::string::npos) {
    throw InputError("/name",
                     "must be a non-empty name without slashes (it names the output folder)");
  }
  s.description = root.string("description", "");
  s.seed = static_cast<std::uint64_t>(root.integer("seed", 1, 0));

  // Scenario-defined hardware and models extend the built-in catalogs.
  const Catalog& catalog = builtin_catalog();
  std::vector<HardwareClass> hardware = catalog.hardware;
  if (const Json* extra = root.get("hardware_classes")) {
    if (!extra->is_array()) throw InputError("/hardware_classes", "expected an array");
    for (std::size_t i = 0; i < extra->size(); ++i) {
      hardware.push_back(
          parse_hardware_class((*extra)[i], json_pointer_index("/hardware_classes", i)));
    }
  }
  s.models = catalog.models;
  if (const Json* extra = root.get("models")) {
    if (!extra->is_array()) throw InputError("/models", "expected an array");
    for (std::size_t i = 0; i < extra->size(); ++i) {
      const std::string path = json_pointer_index("/models", i);
      ModelSpec m = parse_model_spec((*extra)[i], path);
      if (s.find_model(m.name))
        throw InputError(path + "/name", "model \"" + m.name + "\" is already defined");
      s.models.push_back(std::move(m));
    }
  }

  detail::parse_topology(root, hardware, s);
  detail::parse_workloads(root, s);
  detail::parse_settings(root, s);
  detail::parse_federated(root, s);
  root.finish();
  return s;
}

Scenario load_scenario_text(const std::string& text, const std::string& source_name,
                            const LoadOptions& options) {
  return load_scenario_json(parse_json_text(text, source_name), options);
}

Scenario load_scenario_file(const std::string& path, const LoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open scenario file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_scenario_text(buffer.str(), path, options);
}

}  // namespace edgefleet::scenario
