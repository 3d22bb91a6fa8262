#pragma once
// The options every scenario-taking subcommand shares: SCENARIO, --seed, --set.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "scenario/load.hpp"

namespace edgefleet::cli {

class ScenarioSource {
 public:
  void add_options(CLI::App& cmd, bool scenario_required);
  scenario::Scenario load() const;
  std::string display_name() const { return path_.empty() ? "built-in default scenario" : path_; }

 private:
  std::string path_;
  std::optional<std::uint64_t> seed_;
  std::vector<std::string> sets_;
};

}  // namespace edgefleet::cli
