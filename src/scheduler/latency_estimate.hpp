#pragma once
// Latency a policy can estimate from what it sees: static path figures plus stale load.
#include "scheduler/fleet_view.hpp"

namespace edgefleet::scheduler {

// One-way transfer of `bytes` to/from the node: latency + bytes / bottleneck bandwidth.
double transfer_estimate_s(const NodeView& n, double bytes);

// Time a new request waits for a free instance: the backlog ahead of it served `slots` at a time,
// each taking `service_s`. Zero when an instance is free.
double wait_estimate_s(const NodeView& n, double service_s);

// Input transfer + wait + `flops` on one instance + output transfer.
double estimate_latency_s(const NodeView& n, double flops, double input_bytes, double output_bytes);

// The same for the node's deployed variant.
double estimate_latency_s(const NodeView& n, const RequestView& r);

}  // namespace edgefleet::scheduler
