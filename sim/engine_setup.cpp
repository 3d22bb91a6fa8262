#include "sim/engine_setup.hpp"

#include <simgrid/plugins/energy.h>
#include <simgrid/s4u.hpp>

namespace edgefleet::sim {

std::unique_ptr<simgrid::s4u::Engine> make_engine(const scenario::Scenario& s,
                                                  const EngineOptions& o) {
  // argv is built here rather than forwarded from the CLI so SimGrid never sees user flags.
  static std::string program = "edgefleet";
  static std::string log = "--log=root.thres:" + o.simgrid_log_threshold;
  static char* argv[] = {program.data(), log.data(), nullptr};
  int argc = 2;
  auto engine = std::make_unique<simgrid::s4u::Engine>(&argc, argv);
  simgrid::s4u::Engine::set_config("network/model:" + s.simulation.network_model);
  if (s.simulation.network_model == "CM02") {
    simgrid::s4u::Engine::set_config("network/crosstraffic:0");
    simgrid::s4u::Engine::set_config("network/TCP-gamma:1e15");
  }
  sg_host_energy_plugin_init();
  return engine;
}

}  // namespace edgefleet::sim
