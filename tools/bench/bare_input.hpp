#pragma once
// The bare SimGrid programs' command line: PROGRAM SCENARIO [/json/pointer=value ...]. Loads the
// scenario with the overrides and runs `prepare` on it (the program's own checks and derived
// inputs). Bad input is one line on stderr and nullopt: the caller exits with status 2.
#include <cstdio>
#include <optional>

#include "core/input_error.hpp"
#include "scenario/load.hpp"

namespace edgefleet::bench {

template <typename Prepare>
std::optional<scenario::Scenario> load_bare_input(int argc, char** argv, const char* program,
                                                  Prepare&& prepare) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SCENARIO [/json/pointer=value ...]\n", argv[0]);
    return std::nullopt;
  }
  scenario::LoadOptions options;
  for (int i = 2; i < argc; ++i) options.set_overrides.push_back(argv[i]);
  try {
    scenario::Scenario s = scenario::load_scenario_file(argv[1], options);
    prepare(s);
    return s;
  } catch (const core::InputError& e) {
    std::fprintf(stderr, "%s: error: %s\n", program, e.what());
    return std::nullopt;
  }
}

}  // namespace edgefleet::bench
