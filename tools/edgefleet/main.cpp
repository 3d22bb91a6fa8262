// edgefleet: simulate an edge-AI fleet on SimGrid. See README.md and docs/cli.md.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "core/input_error.hpp"
#include "edgefleet/commands.hpp"
#include "edgefleet/exit_codes.hpp"
#include "heap/heap_info.hpp"

int main(int argc, char** argv) {
  using namespace edgefleet::cli;
  CLI::App app{"edgefleet — discrete-event simulator of edge-AI fleets (SimGrid)", "edgefleet"};
  app.set_version_flag("--version", std::string("edgefleet " EDGEFLEET_VERSION " (heap: ") +
                                        edgefleet::heap::heap_description() + ")");
  app.require_subcommand(1);
  int status = kExitOk;
  register_run(app, status);
  register_validate(app, status);
  register_catalog(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help/version or the usage error
    return code == 0 ? kExitOk : kExitBadInput;
  } catch (const edgefleet::core::InputError& e) {
    std::fprintf(stderr, "edgefleet: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "edgefleet: internal error: %s\n", e.what());
    return 3;
  }
  return status;
}
