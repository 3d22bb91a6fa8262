#pragma once
// Section parsers of the scenario file, one file each. Internal to scenario/.
#include "scenario/scenario.hpp"

namespace edgefleet::scenario::detail {

void parse_topology(ObjectReader& root, const std::vector<HardwareClass>& hardware, Scenario& out);
void parse_workloads(ObjectReader& root, Scenario& out);
void parse_settings(ObjectReader& root, Scenario& out);
void parse_federated(ObjectReader& root, Scenario& out);  // after topology
// The resolved form of the federated section (every default filled in).
Json federated_json(const FederatedSpec& f);

}  // namespace edgefleet::scenario::detail
