// Federated rounds on a hand-made fleet: simulated round durations derived by hand (network model
// CM02: a transfer takes the sum of the route's one-way latencies + bytes / bottleneck bandwidth),
// hierarchical uploads, deadlines, FedBuff buffers. Each TEST runs in its own process.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "learning/synthetic.hpp"
#include "scenario/load.hpp"
#include "sim/run.hpp"

namespace edgefleet::sim {
namespace {

// 1 fog, 1 edge, 2 devices at 1 GFLOPS (1 core); no serving workload. Links: device-edge
// 8 Mbps = 1 MB/s, 10 ms; edge-fog 800 Mbps, 1 ms; fog-cloud 800 Mbps, 5 ms; cloud datacenter
// 8 Gbps, 0 ms. Logistic regression on Synthetic(1,1): d = 60, C = 10, 610 parameters.
scenario::Scenario two_client_fleet(std::vector<std::string> federated_overrides) {
  scenario::LoadOptions o;
  o.set_overrides = {
      "/regions/0/fogs=1",
      "/regions/0/edges_per_fog=1",
      "/regions/0/devices_per_edge=2",
      "/cloud/hosts_per_site=1",
      "/cloud/internal_bandwidth=\"8Gbps\"",
      "/cloud/internal_latency=0",
      "/workloads=[]",
      "/checks={}",
      "/hardware/device={\"hardware\": \"raspberry_pi_4\", \"gflops\": \"1GFLOPS\", \"cores\": 1}",
      "/links/device_edge={\"bandwidth\": \"8Mbps\", \"latency\": \"10ms\"}",
      "/links/edge_fog={\"bandwidth\": \"800Mbps\", \"latency\": \"1ms\"}",
      "/links/fog_cloud={\"bandwidth\": \"800Mbps\", \"latency\": \"5ms\"}",
      "/federated={\"clients\": 2, \"clients_per_round\": 2, \"rounds\": 2, \"dataset\": "
      "{\"kind\": \"synthetic\", \"max_samples_per_client\": 300}, \"local\": {\"epochs\": 2}}"};
  for (auto& f : federated_overrides) o.set_overrides.push_back("/federated/" + f);
  return scenario::load_scenario_text(scenario::builtin_default_scenario_text(), "test", o);
}

constexpr double kParams = 60 * 10 + 10;
constexpr double kModelBytes = 4 * kParams;  // float32 both ways (compression "none")
constexpr double kDeviceLinkBytesPerS = 1e6;
constexpr double kWanBytesPerS = 100e6;
constexpr double kCloudToDeviceLatencyS = 0.010 + 0.001 + 0.005;    // dc link has 0 latency
constexpr double kFlopsPerTrainingSample = 2 * (2 * 60 * 10 + 10);  // forward + backward

// One client's round trip: download, train, upload, each on its own private bottleneck (the
// device link, 1 MB/s; the shared links carry two flows far below their capacity).
double client_time_s(double train_samples, int epochs) {
  const double transfer_s = kCloudToDeviceLatencyS + kModelBytes / kDeviceLinkBytesPerS;
  return 2 * transfer_s + train_samples * epochs * kFlopsPerTrainingSample / 1e9;
}

std::vector<double> train_samples(const scenario::Scenario& s) {
  // The client's training split: floor(0.9 n_k) of its n_k = min(300, floor(lognormal) + 50) rows.
  std::vector<double> out;
  learning::SyntheticSpec spec;
  spec.max_samples_per_device = 300;
  for (int k = 0; k < 2; ++k)
    out.push_back(std::floor(0.9 * learning::synthetic_sample_count(spec, s.seed, k)));
  return out;
}

// The event loop's CPU time is the simulating thread's own: positive, and within both the
// call's wall time and the process's CPU time (numerics threads run beside it, so a process-wide
// clock could exceed the wall time; a wall clock would count waits).
TEST(FederatedRounds, EventLoopCpuTimeIsTheSimulatingThreadsOwn) {
  const scenario::Scenario s = two_client_fleet({"rounds=5"});
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const auto wall_start = std::chrono::steady_clock::now();
  const RunResult r = run_simulation(s, {});
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * t.tv_usec; };
  const double process_cpu_s = seconds(after.ru_utime) + seconds(after.ru_stime) -
                               seconds(before.ru_utime) - seconds(before.ru_stime);
  EXPECT_GT(r.event_loop_cpu_s, 0.0);
  EXPECT_LE(r.event_loop_cpu_s, wall_s);
  EXPECT_LE(r.event_loop_cpu_s, process_cpu_s + 0.002);  // rusage ticks are coarser
}

TEST(FederatedRounds, SyncRoundIsDownloadPlusTrainingPlusUploadOfTheSlowestClient) {
  const auto s = two_client_fleet({});
  const RunResult r = run_simulation(s, {});
  ASSERT_TRUE(r.federated.ran);
  ASSERT_EQ(r.federated.rounds.size(), 2u);
  const auto n = train_samples(s);
  const double expected = std::max(client_time_s(n[0], 2), client_time_s(n[1], 2));
  for (const auto& round : r.federated.rounds) {
    EXPECT_NEAR(round.end_s - round.start_s, expected, expected * 1e-6) << "round " << round.round;
    EXPECT_EQ(round.selected, 2);
    EXPECT_EQ(round.completed, 2);
    EXPECT_DOUBLE_EQ(round.bytes_down, 2 * kModelBytes);
    EXPECT_DOUBLE_EQ(round.bytes_up, 2 * kModelBytes);
    EXPECT_GT(round.client_energy_j, 0);
  }
  // Rounds follow each other with no interval.
  EXPECT_DOUBLE_EQ(r.federated.rounds[1].start_s, r.federated.rounds[0].end_s);
}

TEST(FederatedRounds, HierarchicalRoundAddsOneFogToCloudUploadAfterTheSlowestClient) {
  const auto s = two_client_fleet({"coordinator=\"fog\""});
  const RunResult r = run_simulation(s, {});
  ASSERT_EQ(r.federated.rounds.size(), 2u);
  const auto n = train_samples(s);
  // Client upload stops at the fog: 11 ms + bytes / 1 MB/s. The fog then sends one aggregate:
  // 5 ms + bytes / 100 MB/s (the WAN link is the bottleneck of fog -> cloud).
  auto client = [&](double samples) {
    const double down_s = kCloudToDeviceLatencyS + kModelBytes / kDeviceLinkBytesPerS;
    const double up_s = 0.011 + kModelBytes / kDeviceLinkBytesPerS;
    return down_s + samples * 2 * kFlopsPerTrainingSample / 1e9 + up_s;
  };
  const double expected =
      std::max(client(n[0]), client(n[1])) + 0.005 + kModelBytes / kWanBytesPerS;
  EXPECT_NEAR(r.federated.rounds[0].end_s - r.federated.rounds[0].start_s, expected,
              expected * 1e-6);
  EXPECT_DOUBLE_EQ(r.federated.rounds[0].bytes_up, 3 * kModelBytes);
  EXPECT_EQ(r.federated.rounds[0].completed, 2);
}

TEST(FederatedRounds, ClientsPastTheDeadlineAreLateAndTheModelStays) {
  const auto s = two_client_fleet({"round_deadline=\"20ms\"", "rounds=1"});
  const RunResult r = run_simulation(s, {});
  ASSERT_EQ(r.federated.rounds.size(), 1u);
  const auto& round = r.federated.rounds[0];
  // Downloading alone takes 18.44 ms; no client can also train and upload in 20 ms.
  EXPECT_NEAR(round.end_s - round.start_s, 0.020, 1e-9);
  EXPECT_EQ(round.late, 2);
  EXPECT_EQ(round.completed, 0);
  EXPECT_FALSE(round.metrics.model_updated);
  EXPECT_DOUBLE_EQ(r.federated.summary["final_test_accuracy"].get<double>(),
                   r.federated.summary["initial_test_accuracy"].get<double>());
}

TEST(FederatedRounds, PartialPolicyAggregatesStragglersWork) {
  const auto r = run_simulation(
      two_client_fleet({"stragglers={\"fraction\": 1, \"policy\": \"partial\"}", "rounds=1"}), {});
  EXPECT_EQ(r.federated.rounds[0].stragglers, 2);
  EXPECT_EQ(r.federated.rounds[0].completed, 2);
  EXPECT_DOUBLE_EQ(r.federated.rounds[0].bytes_up, 2 * kModelBytes);
}

TEST(FederatedRounds, DropPolicyDiscardsStragglers) {
  const auto dropped = run_simulation(
      two_client_fleet({"stragglers={\"fraction\": 1, \"policy\": \"drop\"}", "rounds=1"}), {});
  EXPECT_EQ(dropped.federated.rounds[0].stragglers, 2);
  EXPECT_EQ(dropped.federated.rounds[0].completed, 0);
  EXPECT_DOUBLE_EQ(dropped.federated.rounds[0].bytes_up, 0);
}

TEST(FederatedRounds, Int8UploadsCarryOneBytePerParameterPlusScaleAndOffset) {
  const auto r = run_simulation(two_client_fleet({"compression={\"name\": \"int8\"}"}), {});
  // 610 int8 values + two float32 (scale, offset) per update; downloads stay float32.
  EXPECT_DOUBLE_EQ(r.federated.rounds[0].bytes_up, 2 * (kParams + 8));
  EXPECT_DOUBLE_EQ(r.federated.rounds[0].bytes_down, 2 * kModelBytes);
}

TEST(FederatedRounds, OvercommitClosesTheRoundAtTheFirstFinisher) {
  // Over-commit by 2 for one client: both start, the round keeps whoever finishes first.
  const auto s = two_client_fleet({"clients_per_round=1",
                                   "selection={\"name\": \"overcommit\", \"params\": "
                                   "{\"factor\": 2}}",
                                   "rounds=1"});
  const RunResult r = run_simulation(s, {});
  const auto n = train_samples(s);
  const double expected = std::min(client_time_s(n[0], 2), client_time_s(n[1], 2));
  EXPECT_EQ(r.federated.rounds[0].selected, 2);
  EXPECT_EQ(r.federated.rounds[0].completed, 1);
  EXPECT_NEAR(r.federated.rounds[0].end_s, expected, expected * 1e-6);
}

TEST(FederatedRounds, ATransferLimitOfOneSerialisesTheCoordinatorsTransfers) {
  const auto s = two_client_fleet({"max_parallel_transfers=1", "rounds=1"});
  const RunResult r = run_simulation(s, {});
  // Two downloads one after the other, then at least one upload: three whole transfers.
  const double transfer_s = kCloudToDeviceLatencyS + kModelBytes / kDeviceLinkBytesPerS;
  EXPECT_GE(r.federated.rounds[0].end_s, 3 * transfer_s);
  EXPECT_EQ(r.federated.rounds[0].completed, 2);
}

TEST(FederatedRounds, FedBuffStepsOnceEveryBufferSizeArrivals) {
  const auto s = two_client_fleet(
      {"mode=\"async\"", "buffer_size=2", "rounds=3", "clients=2", "max_concurrency=2"});
  const RunResult r = run_simulation(s, {});
  ASSERT_EQ(r.federated.rounds.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.federated.rounds[i].completed, 2);
    if (i > 0) {
      EXPECT_DOUBLE_EQ(r.federated.rounds[i].start_s, r.federated.rounds[i - 1].end_s);
    }
  }
  EXPECT_TRUE(r.federated.rounds.back().metrics.model_updated);
}

TEST(FederatedRounds, ClientsThatAreNeverOnlineAreDropped) {
  // Online 1 ms in 1000 s on average: a uniform selector picks offline clients, who never start.
  const auto s = two_client_fleet(
      {"availability={\"mean_online\": \"1ms\", \"mean_offline\": \"1000s\"}", "rounds=1"});
  const RunResult r = run_simulation(s, {});
  EXPECT_EQ(r.federated.rounds[0].dropped + r.federated.rounds[0].completed, 2);
  EXPECT_GE(r.federated.rounds[0].dropped, 1);
}

}  // namespace
}  // namespace edgefleet::sim

namespace edgefleet::sim {
namespace {

TEST(FederatedRounds, AsyncModeWithRarelyOnlineClientsStillCompletesItsSteps) {
  // FedBuff with a selector blind to availability: offline picks drop at once and the driver
  // retries each simulated second until clients come online (mean offline 2 s).
  const auto s =
      two_client_fleet({"mode=\"async\"", "buffer_size=1", "rounds=2", "clients_per_round=1",
                        "availability={\"mean_online\": \"1s\", "
                        "\"mean_offline\": \"2s\"}"});
  const RunResult r = run_simulation(s, {});
  ASSERT_EQ(r.federated.rounds.size(), 2u);
  for (const auto& round : r.federated.rounds) EXPECT_EQ(round.completed, 1);
}

}  // namespace
}  // namespace edgefleet::sim
