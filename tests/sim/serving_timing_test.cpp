// Hand-derived timing and queueing checks of the serving path. Each TEST runs in its own process.
#include <gtest/gtest.h>

#include <cmath>

#include "serving_support.hpp"

namespace edgefleet::sim::serving {
namespace {

using testing::one_edge_scenario;
using testing::run_fixed;

// Transfers that take no time, so only the edge's CPU shapes latency.
const std::vector<std::string> kInstantLinks = {
    "/links/device_edge={\"bandwidth\": \"1000Tbps\", \"latency\": 0}",
    "/links/edge_fog={\"bandwidth\": \"1000Tbps\", \"latency\": 0}",
    "/workloads/0/input_bytes=0",
    "/workloads/0/output_bytes=0",
    "/hardware/edge={\"hardware\": \"jetson_orin_nano\", \"gflops\": \"10GFLOPS\", \"cores\": 1}",
    "/workloads/0/priority_mix={\"low\": 1}"};

std::vector<std::string> with(std::vector<std::string> base,
                              std::initializer_list<std::string> more) {
  base.insert(base.end(), more);
  return base;
}

TEST(ServingTiming, OneRequestOnAnIdlePathIsTransferPlusComputePlusTransfer) {
  // One periodic request from one device; links 100 Mbps / 2 ms; edge at 10 GFLOPS; 1 GFLOP model.
  const auto s = one_edge_scenario(
      1, {"/links/device_edge={\"bandwidth\": \"100Mbps\", \"latency\": \"2ms\"}",
          "/workloads/0/input_bytes=\"500kB\"", "/workloads/0/output_bytes=\"10kB\"",
          "/workloads/0/arrival={\"process\": \"periodic\", \"period\": \"10s\"}",
          "/simulation/duration=\"10s\"",
          "/hardware/edge={\"hardware\": \"jetson_orin_nano\", \"gflops\": \"10GFLOPS\"}"});
  auto r = run_fixed(s, core::Tier::kEdge, 1e9, false);
  const auto& lat = r.serving->collector().overall();
  ASSERT_EQ(lat.count(), 1u);
  // Up: 2 ms + 500 kB / 12.5 MB/s = 42 ms. Compute: 1 GFLOP / 10 GFLOPS (whole host) = 100 ms.
  // Down: 2 ms + 10 kB / 12.5 MB/s = 2.8 ms. Total 144.8 ms; bottleneck is the edge CPU.
  EXPECT_NEAR(lat.mean_s(), 0.1448, 0.1448 * 0.01);
}

// M/M/1: mean sojourn 1/(mu - lambda). mu = 10 GFLOPS / 0.1 GFLOP = 100/s.
void expect_mm1(double rho, int duration_s, double tolerance) {
  const double mu = 100, lambda = rho * mu;
  const int devices = 10;
  const auto s = one_edge_scenario(
      devices, with(kInstantLinks, {"/workloads/0/arrival={\"process\": \"poisson\", \"rate\": " +
                                        std::to_string(lambda / devices) + "}",
                                    "/simulation/duration=" + std::to_string(duration_s)}));
  auto r = run_fixed(s, core::Tier::kEdge, 1e8, true);
  const double expected = 1.0 / (mu - lambda);
  EXPECT_NEAR(r.serving->collector().overall().mean_s(), expected, expected * tolerance)
      << "rho = " << rho << ", " << r.serving->collector().overall().count()
      << " requests (seed 42)";
}

TEST(ServingTiming, MM1AtRho05MatchesClosedForm) {
  expect_mm1(0.5, 4000, 0.03);
}
TEST(ServingTiming, MM1AtRho08MatchesClosedForm) {
  expect_mm1(0.8, 12000, 0.03);
}

TEST(ServingTiming, MD1MatchesPollaczekKhinchine) {
  // Deterministic service 10 ms (mu = 100/s), rho = 0.7: W = 1/mu + rho / (2 mu (1 - rho)).
  const double mu = 100, rho = 0.7, lambda = rho * mu;
  const auto s = one_edge_scenario(
      10, with(kInstantLinks, {"/workloads/0/arrival={\"process\": \"poisson\", \"rate\": " +
                                   std::to_string(lambda / 10) + "}",
                               "/simulation/duration=4000"}));
  auto r = run_fixed(s, core::Tier::kEdge, 1e8, false);
  const double expected = 1 / mu + rho / (2 * mu * (1 - rho));
  EXPECT_NEAR(r.serving->collector().overall().mean_s(), expected, expected * 0.03);
}

TEST(ServingTiming, MMcMatchesErlangC) {
  // 4 cores at 2.5 GFLOPS each, cpu_limit 1 core -> c = 4 servers, mu = 2.5e9/1e8 = 25/s each.
  const int c = 4;
  const double mu = 25, rho = 0.75, lambda = rho * c * mu;
  const auto s = one_edge_scenario(
      10, with(kInstantLinks, {"/hardware/edge={\"hardware\": \"jetson_orin_nano\", \"gflops\": "
                               "\"10GFLOPS\", \"cores\": 4}",
                               "/serving/cpu_limit=1",
                               "/workloads/0/arrival={\"process\": \"poisson\", \"rate\": " +
                                   std::to_string(lambda / 10) + "}",
                               "/simulation/duration=3000"}));
  auto r = run_fixed(s, core::Tier::kEdge, 1e8, true);
  // Erlang C: P(wait) = (a^c/c!)(1/(1-rho)) / (sum_{k<c} a^k/k! + (a^c/c!)(1/(1-rho))), a =
  // lambda/mu.
  const double a = lambda / mu;
  double sum = 0, term = 1;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double tail = term / (1 - rho);
  const double p_wait = tail / (sum + tail);
  const double expected = p_wait / (c * mu - lambda) + 1 / mu;
  EXPECT_NEAR(r.serving->collector().overall().mean_s(), expected, expected * 0.03);
}

TEST(ServingTiming, CriticalRequestsKeepLowP95UnderOverload) {
  // rho = 1.2 on one server: the low-priority backlog grows; critical requests jump the queue.
  const auto s = one_edge_scenario(
      10, with(kInstantLinks, {"/workloads/0/arrival={\"process\": \"poisson\", \"rate\": 12}",
                               "/workloads/0/priority_mix={\"low\": 0.7, \"critical\": 0.3}",
                               "/simulation/duration=200", "/serving/queue_capacity=100000"}));
  auto r = run_fixed(s, core::Tier::kEdge, 1e8, true);
  const auto summary = r.serving->collector().summary(simgrid::s4u::Engine::get_clock(), {});
  const double critical_p95 = summary["latency_by_priority_s"]["critical"]["p95_s"];
  const double low_p95 = summary["latency_by_priority_s"]["low"]["p95_s"];
  EXPECT_LT(critical_p95 * 10, low_p95)
      << "critical " << critical_p95 << " s vs low " << low_p95 << " s";
}

TEST(ServingTiming, QueueOverflowDropsWithAReasonAndConservesRequests) {
  const auto s = one_edge_scenario(
      10, with(kInstantLinks, {"/workloads/0/arrival={\"process\": \"poisson\", \"rate\": 20}",
                               "/simulation/duration=50", "/serving/queue_capacity=5"}));
  auto r = run_fixed(s, core::Tier::kEdge, 1e8, true);  // rho = 2
  const auto& out = r.serving->collector().outcomes();
  EXPECT_GT(out.dropped(), 0u);
  EXPECT_EQ(out.total(), static_cast<std::uint64_t>(r.serving->requests_created()));
  EXPECT_EQ(out.reasons(metrics::Outcome::kDropped).count("queue_full"), 1u);
}

}  // namespace
}  // namespace edgefleet::sim::serving
