#pragma once
// One SimGrid Engine per process (SimGrid 3.32 cannot re-create one). Configures the network
// model before any platform exists (changing it later aborts).
#include <memory>
#include <string>

#include "scenario/scenario.hpp"

namespace simgrid::s4u {
class Engine;
}

namespace edgefleet::sim {

struct EngineOptions {
  std::string simgrid_log_threshold = "critical";  // SimGrid's own logs
};

// Creates the Engine with the scenario's network model. CM02 is SimGrid's LV08 without its
// latency/bandwidth factors and cross-traffic: a "5ms" link takes 5 ms, as users read it. The TCP
// window bound (gamma / 2·RTT) is lifted for the same reason, with a huge gamma: gamma = 0 (the
// documented "no bound") makes 3.32's CM02 give concurrent flows the bandwidth of a shared link
// and skip their own slower bottleneck. docs/simulation.md says so.
std::unique_ptr<simgrid::s4u::Engine> make_engine(const scenario::Scenario& s,
                                                  const EngineOptions& o);

}  // namespace edgefleet::sim
