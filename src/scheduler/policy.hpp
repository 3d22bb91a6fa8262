#pragma once
// Placement policies: pure decision functions over a FleetView, chosen by name from a registry
// (DESIGN principles 1 and 2). A policy object may keep its own memory (round-robin's cursor) but
// never sees the simulator.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "scenario/json_reader.hpp"
#include "scheduler/fleet_view.hpp"

namespace edgefleet::scheduler {

class Policy {
 public:
  virtual ~Policy() = default;
  virtual Decision decide(const RequestView& r, const FleetView& v, core::Rng& rng) = 0;
};

// `params` is the scenario's /scheduler/params object; its reader rejects unknown keys.
using PolicyFactory = std::function<std::unique_ptr<Policy>(scenario::ObjectReader& params)>;

// Throws core::InputError at `params_path`'s parent ("/scheduler/policy") for an unknown name,
// listing the known ones, and at the parameter's path for a bad parameter.
std::unique_ptr<Policy> make_policy(const std::string& name, const scenario::Json& params,
                                    const std::string& policy_path, const std::string& params_path);
std::vector<std::string> policy_names();

// Building blocks shared by the policies.
Decision single_on(const FleetView& v, int node, std::string_view reason);
Decision reject(std::string_view reason);
// The node is up, holds a variant meeting the accuracy floor, and is the device itself when the
// request is privacy-required.
bool can_serve(const NodeView& n, const RequestView& r);
// Shared selection helpers over a view (-1 when none qualifies).
int best_estimated(const FleetView& v, const RequestView& r, int begin, int end);
int best_cloud(const FleetView& v, const RequestView& r);
// The node that runs the model "locally": the device when it holds a variant, else its edge.
int local_node(const FleetView& v, const RequestView& r);
double load_ratio(const NodeView& n);

}  // namespace edgefleet::scheduler
