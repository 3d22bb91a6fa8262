#pragma once
// A request is data: a small record in a pool, advanced by activity-completion callbacks.
// Its plan is up to two branches of stages (transfer bytes / compute flops); the request
// completes when every branch has run its last stage.
#include <array>
#include <cstdint>

#include <simgrid/forward.h>

namespace edgefleet::sim::serving {

using NodeId = std::int64_t;  // NodeTable layout: [cloud | fog | edge | device]

// 24 bytes: node ids fit 32 bits (a fleet of 2^31 hosts is far beyond one machine's memory),
// and every request carries kMaxStages of these whether queued or running.
struct Stage {
  enum class Kind : std::uint8_t { kTransfer, kCompute };
  Kind kind = Kind::kTransfer;
  std::int32_t from = 0;  // transfer source, or the compute node
  std::int32_t to = 0;    // transfer destination (the compute node again for compute)
  double amount = 0;      // bytes or flops

  static Stage transfer(NodeId source, NodeId destination, double bytes) {
    return {Kind::kTransfer, static_cast<std::int32_t>(source),
            static_cast<std::int32_t>(destination), bytes};
  }
  static Stage compute(NodeId node, double flops) {
    return {Kind::kCompute, static_cast<std::int32_t>(node), static_cast<std::int32_t>(node),
            flops};
  }
};

inline constexpr int kMaxStages = 10;
inline constexpr int kMaxBranches = 2;

struct Request {
  std::int64_t id = 0;
  std::int32_t workload = 0;
  std::int64_t device = 0;  // NodeId of the requesting device
  double created_s = 0;
  double deadline_s = 0;  // created + request timeout (infinity when none)
  std::uint8_t priority = 0;
  bool privacy_required = false;
  double complexity = 0;

  NodeId serving_node = -1;  // where the (first) model ran
  std::uint8_t serving_tier = 0;
  std::uint8_t placement_kind = 0;
  float accuracy = 0;  // delivered accuracy (expected correctness of the answer)
  std::uint8_t retries = 0;
  bool outcome_recorded = false;  // dropped or failed while a branch was still in flight

  std::array<Stage, kMaxStages> stages{};
  std::array<std::uint8_t, kMaxBranches + 1> branch_begin{};  // branch b = [begin[b], begin[b+1])
  std::array<std::uint8_t, kMaxBranches> cursor{};
  std::uint8_t branch_count = 0;
  std::uint8_t branches_running = 0;
  std::array<simgrid::s4u::ActivityPtr, kMaxBranches> activity;
};

}  // namespace edgefleet::sim::serving
