#pragma once
// Builds the SimGrid platform from the typed scenario. Layout (DESIGN principle 4):
//   root star zone "fleet"
//    ├─ cloud site zones (star): a router gateway, one datacenter link per cloud host
//    └─ one fog zone per fog (star, gateway = fog host, arm = the fog->cloud WAN link)
//        └─ one edge zone per edge (star, gateway = edge host, arm = the edge->fog link)
//            └─ devices, each with its own device<->edge link (split duplex)
// A route device->cloud therefore crosses device_edge, edge_fog, fog_cloud and the cloud host's
// datacenter link, each with the scenario's bandwidth and one-way latency.
#include "scenario/scenario.hpp"
#include "sim/fleet.hpp"

namespace edgefleet::sim {

// Must be called after the Engine exists and before it runs. Energy properties are set on every
// host (the energy plugin must be initialised before, see engine_setup.hpp).
Fleet build_platform(const scenario::Scenario& s);

}  // namespace edgefleet::sim
