#include "sim/serving/placement.hpp"

namespace edgefleet::sim::serving {

namespace {

class PlanWriter {
 public:
  explicit PlanWriter(Request& r) : r_(r) {}
  void begin_branch() { r_.branch_begin[r_.branch_count++] = n_; }
  void transfer(NodeId from, NodeId to, double bytes) {
    if (from != to) r_.stages[n_++] = Stage::transfer(from, to, bytes);
  }
  void compute(NodeId node, double flops) { r_.stages[n_++] = Stage::compute(node, flops); }
  void finish() {
    r_.branch_begin[r_.branch_count] = n_;
    for (int b = 0; b < r_.branch_count; ++b) r_.cursor[b] = r_.branch_begin[b];
    r_.branches_running = r_.branch_count;
  }

 private:
  Request& r_;
  std::uint8_t n_ = 0;
};

// Input up to `node`, the model there, output back to the device.
void single_branch(PlanWriter& w, NodeId node, double flops, const PlanInputs& in) {
  w.begin_branch();
  w.transfer(in.device, node, in.input_bytes);
  w.compute(node, flops);
  w.transfer(node, in.device, in.output_bytes);
}

}  // namespace

void build_plan(const Placement& p, const PlanInputs& in, Request& request) {
  request.branch_count = 0;
  PlanWriter w(request);
  switch (p.kind) {
    case PlacementKind::kSingle:
      single_branch(w, p.primary, p.primary_flops, in);
      break;
    case PlacementKind::kSplit:
      w.begin_branch();
      w.transfer(in.device, p.primary, in.input_bytes);
      if (p.primary_flops > 0) w.compute(p.primary, p.primary_flops);
      w.transfer(p.primary, p.secondary, p.split_bytes);
      if (p.secondary_flops > 0) w.compute(p.secondary, p.secondary_flops);
      w.transfer(p.secondary, in.device, in.output_bytes);
      break;
    case PlacementKind::kCascade:
      w.begin_branch();
      w.transfer(in.device, p.primary, in.input_bytes);
      w.compute(p.primary, p.primary_flops);
      if (p.escalate) {
        // The local node forwards the input; the cloud answers the device directly.
        w.transfer(p.primary, p.secondary, in.input_bytes);
        w.compute(p.secondary, p.secondary_flops);
        w.transfer(p.secondary, in.device, in.output_bytes);
      } else {
        w.transfer(p.primary, in.device, in.output_bytes);
      }
      break;
    case PlacementKind::kEnsemble:
      single_branch(w, p.primary, p.primary_flops, in);
      single_branch(w, p.secondary, p.secondary_flops, in);
      break;
    case PlacementKind::kReject:
      break;
  }
  w.finish();
}

}  // namespace edgefleet::sim::serving
