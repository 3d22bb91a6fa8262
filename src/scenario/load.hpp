#pragma once
// Entry points: text or file -> validated Scenario. Every failure is a core::InputError whose
// path is a JSON pointer into the scenario (or "file:line:column" for syntax errors).
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace edgefleet::scenario {

struct LoadOptions {
  std::vector<std::string>
      set_overrides;                  // "/json/pointer=value" (value parsed as JSON, else string)
  std::optional<std::uint64_t> seed;  // overrides "seed"
};

// The built-in default scenario (identical to scenarios/quickstart.json).
const char* builtin_default_scenario_text();

// Parses JSON text, reporting syntax errors with line and column.
Json parse_json_text(const std::string& text, const std::string& source_name);
void apply_set_override(Json& document, const std::string& assignment);

Scenario load_scenario_json(Json document, const LoadOptions& options = {});
Scenario load_scenario_text(const std::string& text, const std::string& source_name,
                            const LoadOptions& options = {});
Scenario load_scenario_file(const std::string& path, const LoadOptions& options = {});

// The resolved scenario: every default filled in, units normalised to SI base units (the field
// names say which). Stable key order, so identical scenarios give byte-identical dumps.
Json resolved_json(const Scenario& s);

}  // namespace edgefleet::scenario
