#pragma once
// Internal: each policy family registers its factories here (explicit calls, not static
// initialisers, so a static library never drops a policy).
#include <functional>
#include <map>
#include <string>

#include "scheduler/policy.hpp"

namespace edgefleet::scheduler {

using PolicyRegistry = std::map<std::string, PolicyFactory, std::less<>>;

void register_requirement_policies(PolicyRegistry& r);  // latency_aware, tier_by_requirements
void register_score_policies(PolicyRegistry& r);        // weighted_node_score
void register_baseline_policies(PolicyRegistry& r);     // round_robin, random, least_loaded, ...
void register_model_policies(PolicyRegistry& r);        // split_inference, cascade, ensemble

}  // namespace edgefleet::scheduler
