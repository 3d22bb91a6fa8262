#include "edgefleet/scenario_source.hpp"

namespace edgefleet::cli {

void ScenarioSource::add_options(CLI::App& cmd, bool scenario_required) {
  auto* opt =
      cmd.add_option("scenario", path_, "Scenario JSON file (default: the built-in quickstart)");
  if (scenario_required) opt->required();
  cmd.add_option("--seed", seed_, "Root seed (overrides the scenario's \"seed\")");
  cmd.add_option("--set", sets_, "Override a scenario value: /json/pointer=value (repeatable)")
      ->type_name("PTR=VALUE");
}

scenario::Scenario ScenarioSource::load() const {
  scenario::LoadOptions options;
  options.set_overrides = sets_;
  options.seed = seed_;
  if (path_.empty()) {
    return scenario::load_scenario_text(scenario::builtin_default_scenario_text(), "quickstart",
                                        options);
  }
  return scenario::load_scenario_file(path_, options);
}

}  // namespace edgefleet::cli
