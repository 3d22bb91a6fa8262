#pragma once
// The scores weighted_node_score combines, exposed for tests and reports.
#include "scheduler/fleet_view.hpp"

namespace edgefleet::scheduler {

struct ScoreWeights {
  double latency, load, proximity, reliability;
};

struct NodeScore {
  double estimated_s = 0;
  double latency = 0;    // 1 - estimated / max latency, clamped to [0, 1]
  double load = 0;       // 1 / (1 + (busy + queued) / slots)
  double proximity = 0;  // 1 - hops / max hops in the view
  double reliability = 0;
};

NodeScore score_node(const NodeView& n, const RequestView& r, int max_hops);
double weighted_sum(const NodeScore& s, const ScoreWeights& w);

}  // namespace edgefleet::scheduler
