#pragma once
// Builds the SimGrid platform from the typed scenario. Layout (DESIGN principle 4):
//   root star zone "fleet"
//    ├─ cloud site zones (star): a router gateway, one datacenter link per cloud host
//    └─ one fog zone per fog (star, gateway = fog host, arm = the fog->cloud WAN link)
//        └─ one edge zone per edge (star, gateway = edge host, arm = the edge->fog link)
//            └─ devices, each with its own device<->edge link (split duplex)
// A route device->cloud therefore crosses device_edge, edge_fog, fog_cloud and the cloud host's
// datacenter link, each with the scenario's bandwidth and one-way latency. One exception, exact
// by construction: see datacenter_link_is_implied.
#include <cstdint>
#include <string>

#include "scenario/scenario.hpp"
#include "sim/fleet.hpp"

namespace edgefleet::sim {

// True when the cloud host's datacenter link can never limit a rate, so SimGrid is not given it
// as a sharing constraint (its latency is added to each fog's WAN link instead, so every route to
// the cloud keeps its one-way latency). Why it matters: SimGrid 3.32's selective update
// re-solves, at every transfer event, every flow that shares a link with the changed one,
// transitively; a link crossed by every transfer to the cloud joins all fogs' flows into one
// component (8,192-client federated benchmark: ~5x the solver's work). Why it is exact: with a
// single cloud host, every flow through its link also crosses one fog's WAN link (there is no
// other cloud host to talk to), so the flows' total never exceeds the WAN links' total; when that
// is at most the link's bandwidth, the link's capacity constraint is implied by the WANs' and
// max-min sharing gives the same rates without it. The latency moved onto the WAN links is exact
// because a WAN link then carries only traffic to or from that cloud host: edgefleet sends
// nothing from one fog's subtree to another's (a feature that does must revisit this). CM02 only:
// LV08 weighs each flow by its route's bandwidths (network/weight-S), which the link would
// change.
bool datacenter_link_is_implied(std::int64_t cloud_hosts, const std::string& network_model,
                                double datacenter_bandwidth_bps, double wan_total_bandwidth_bps);

// Must be called after the Engine exists and before it runs. Energy properties are set on every
// host (the energy plugin must be initialised before, see engine_setup.hpp).
Fleet build_platform(const scenario::Scenario& s);

}  // namespace edgefleet::sim
