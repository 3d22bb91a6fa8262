#pragma once
// Writes a run's output files (docs/outputs.md documents every field and column).
#include <string>

#include "scenario/scenario.hpp"
#include "sim/run.hpp"

namespace edgefleet::cli {

struct CheckOutcome {
  bool requested = false;
  bool passed = true;
  std::string message;  // one line per failed check
};

// Evaluates the scenario's "checks" against the result.
CheckOutcome evaluate_checks(const scenario::Scenario& s, const sim::RunResult& r);

// summary.json, resolved_scenario.json, nodes.csv into `dir` (created if missing).
void write_outputs(const std::string& dir, const scenario::Scenario& s, const sim::RunResult& r,
                   const CheckOutcome& checks);

// The short human table printed after a run.
void print_summary_table(const scenario::Scenario& s, const sim::RunResult& r,
                         const std::string& dir);

}  // namespace edgefleet::cli
