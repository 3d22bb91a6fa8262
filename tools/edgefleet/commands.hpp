#pragma once
// Subcommands of the edgefleet CLI, one file each.
#include <CLI/CLI.hpp>

namespace edgefleet::cli {

// Each register_* adds its subcommand; the callback stores the exit status in `status`.
void register_run(CLI::App& app, int& status);
void register_validate(CLI::App& app, int& status);
void register_catalog(CLI::App& app, int& status);

}  // namespace edgefleet::cli
