#include "scheduler/latency_estimate.hpp"

#include <gtest/gtest.h>

#include "view_builder.hpp"

namespace edgefleet::scheduler {
namespace {

using testing::node;

TEST(SchedulerEstimate, IdleNodeIsTransferPlusComputePlusTransfer) {
  // In: 1 ms + 1e5 B * 8 / 1 Gbit/s = 1.8 ms; compute: 1 GFLOP / 100 GFLOPS = 10 ms;
  // out: 1 ms + 1e3 B * 8 / 1 Gbit/s = 1.008 ms. Total 12.808 ms.
  const NodeView edge = node(core::Tier::kEdge, 100e9, 1e9, 0.75, 0.001, 1e9, 1);
  EXPECT_NEAR(estimate_latency_s(edge, 1e9, 1e5, 1e3), 0.012808, 1e-12);
}

TEST(SchedulerEstimate, OnTheDeviceThereIsNoTransfer) {
  const NodeView d = node(core::Tier::kDevice, 10e9, 1e9, 0.7, 0, 0, 0);
  EXPECT_DOUBLE_EQ(estimate_latency_s(d, 1e9, 1e5, 1e3), 0.1);
}

TEST(SchedulerEstimate, BacklogWaitsInBatchesOfSlots) {
  NodeView n = node(core::Tier::kEdge, 100e9, 1e9, 0.75, 0, 1e9, 0);
  n.slots = 2;
  n.busy_slots = 1;
  EXPECT_DOUBLE_EQ(wait_estimate_s(n, 0.010), 0.0);  // one slot free
  n.busy_slots = 2;
  n.queue_length = 3;
  // 2 busy + 3 queued - 2 slots + 1 (itself) = 4 ahead, served 2 at a time: 2 service times.
  EXPECT_DOUBLE_EQ(wait_estimate_s(n, 0.010), 0.020);
}

}  // namespace
}  // namespace edgefleet::scheduler
