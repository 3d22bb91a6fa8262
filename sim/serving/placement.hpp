#pragma once
// What the policy layer (src/scheduler, pure) tells the simulator to do with one request, in the
// simulator's node ids. sim/serving/policy_adapter.* converts scheduler decisions into this.
#include <cstdint>
#include <string_view>

#include "sim/serving/request.hpp"

namespace edgefleet::sim::serving {

enum class PlacementKind : std::uint8_t { kSingle, kSplit, kCascade, kEnsemble, kReject };
inline constexpr const char* kPlacementNames[] = {"single", "split", "cascade", "ensemble",
                                                  "reject"};

struct Placement {
  PlacementKind kind = PlacementKind::kReject;
  NodeId primary = -1;             // single / split first part / cascade local / ensemble branch 1
  NodeId secondary = -1;           // split second part / cascade escalation / ensemble branch 2
  double primary_flops = 0;        // work on primary (split: the layers before the split point)
  double secondary_flops = 0;      // work on secondary
  double split_bytes = 0;          // split: activation sent primary -> secondary
  bool escalate = false;           // cascade: whether confidence fell below the threshold
  double accuracy = 0;             // expected correctness of the delivered answer
  std::string_view reject_reason;  // kReject: why nothing could serve it (a static string)
};

struct PlanInputs {
  NodeId device;
  double input_bytes;
  double output_bytes;
};

// Fills request.stages / branch_begin / branch_count from a placement (not kReject). Pure.
void build_plan(const Placement& p, const PlanInputs& in, Request& request);

}  // namespace edgefleet::sim::serving
