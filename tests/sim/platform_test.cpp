// Each TEST runs in its own process (gtest_discover_tests): SimGrid allows one Engine per process.
#include <gtest/gtest.h>

#include <simgrid/s4u.hpp>

#include <string>
#include <utility>

#include "scenario/load.hpp"
#include "sim/engine_setup.hpp"
#include "sim/platform_builder.hpp"

namespace edgefleet::sim {
namespace {

namespace s4u = simgrid::s4u;

// `extra` overrides come last, so they win.
scenario::Scenario small_scenario(const std::vector<std::string>& extra = {}) {
  scenario::LoadOptions o;
  o.set_overrides = {"/regions/0/fogs=2",
                     "/regions/0/edges_per_fog=3",
                     "/regions/0/devices_per_edge=4",
                     "/links/device_edge={\"bandwidth\": \"100Mbps\", \"latency\": \"2ms\"}",
                     "/links/edge_fog={\"bandwidth\": \"1Gbps\", \"latency\": \"3ms\"}",
                     "/links/fog_cloud={\"bandwidth\": \"400Mbps\", \"latency\": \"20ms\"}",
                     "/cloud/internal_bandwidth=\"10Gbps\"",
                     "/cloud/internal_latency=\"0.1ms\""};
  o.set_overrides.insert(o.set_overrides.end(), extra.begin(), extra.end());
  return scenario::load_scenario_text(scenario::builtin_default_scenario_text(), "q", o);
}

TEST(Platform, HostCountsPerTierFollowTheTopology) {
  const auto s = small_scenario();
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  EXPECT_EQ(fleet.fog.size(), 2u);
  EXPECT_EQ(fleet.edge.size(), 6u);
  EXPECT_EQ(fleet.device.size(), 24u);
  EXPECT_EQ(fleet.cloud.size(), 4u);
  EXPECT_EQ(engine->get_host_count(), 36u);
  EXPECT_EQ(fleet.device_edge[5], 1) << "devices 4..7 belong to edge 1";
  EXPECT_EQ(fleet.edge_fog[4], 1) << "edges 3..5 belong to fog 1";
}

TEST(Platform, HostSpeedsAndCoresComeFromTheHardwareClass) {
  const auto s = small_scenario();
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  const auto& hw = s.regions[0].edge.hardware;
  s4u::Host* edge = fleet.edge.host[0];
  EXPECT_EQ(edge->get_core_count(), hw.cores);
  // SimGrid speed is per core; the catalog's figure is the whole host.
  EXPECT_DOUBLE_EQ(edge->get_speed() * edge->get_core_count(), hw.speed_flops);
}

TEST(Platform, DeviceToCloudRouteHasTheScenarioLatencyAndBottleneck) {
  const auto s = small_scenario();
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  std::vector<s4u::Link*> links;
  double latency_s = 0;
  fleet.device.host[5]->route_to(fleet.cloud.host[2], links, &latency_s);
  // device_edge 2 ms + edge_fog 3 ms + fog_cloud 20 ms + datacenter 0.1 ms.
  EXPECT_NEAR(latency_s, 0.0251, 1e-12);
  ASSERT_EQ(links.size(), 4u);
  double bottleneck_Bps = 1e300;
  for (auto* l : links) bottleneck_Bps = std::min(bottleneck_Bps, l->get_bandwidth());
  EXPECT_DOUBLE_EQ(bottleneck_Bps, 100e6 / 8) << "the 100 Mbps device link is the bottleneck";
}

TEST(Platform, TransferTimeIsLatencyPlusSizeOverBottleneck) {
  const auto s = small_scenario();
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  double done_at = -1;
  s4u::Actor::create("sender", fleet.cloud.host[0], [&] {
    s4u::Comm::sendto(fleet.device.host[0], fleet.cloud.host[1], 5'000'000);
    done_at = s4u::Engine::get_clock();
  });
  engine->run();
  // Bottleneck: the 100 Mbps device link (12.5 MB/s). CM02 without factors, TCP window bound
  // off: 5 MB / 12.5 MB/s = 0.4 s, plus one-way latency 2+3+20+0.1 ms = 0.0251 s.
  EXPECT_NEAR(done_at, 0.4251, 0.4251 * 1e-9);
}

// small_scenario with one cloud host and 1 Gbps device links: its two fogs' 400 Mbps WAN links
// total 800 Mbps; `datacenter` is the cloud host's link. Devices 0 and 12 sit under fogs 0 and 1.
scenario::Scenario one_cloud_host(const std::string& datacenter) {
  return small_scenario({"/cloud/sites=1", "/cloud/hosts_per_site=1",
                         "/links/device_edge={\"bandwidth\": \"1Gbps\", \"latency\": \"2ms\"}",
                         "/cloud/internal_bandwidth=\"" + datacenter + "\""});
}

// The cloud host sends 5 MB to device 0 and 5 MB to device 12 at once; returns when each ended.
std::pair<double, double> two_downloads_from_the_cloud(const scenario::Scenario& s) {
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  std::pair<double, double> done_at{-1, -1};
  auto send = [&fleet](s4u::Host* to, double& done) {
    return [&fleet, to, &done] {
      s4u::Comm::sendto(fleet.cloud.host[0], to, 5'000'000);
      done = s4u::Engine::get_clock();
    };
  };
  s4u::Actor::create("to-fog0", fleet.cloud.host[0], send(fleet.device.host[0], done_at.first));
  s4u::Actor::create("to-fog1", fleet.cloud.host[0], send(fleet.device.host[12], done_at.second));
  engine->run();
  return done_at;
}

TEST(Platform, DatacenterLinkIsImpliedOnlyForOneCloudHostUnderCm02WithinItsBandwidth) {
  EXPECT_TRUE(datacenter_link_is_implied(1, "CM02", 10e9, 8e9));
  EXPECT_TRUE(datacenter_link_is_implied(1, "CM02", 10e9, 10e9)) << "equal: still never exceeded";
  EXPECT_FALSE(datacenter_link_is_implied(1, "CM02", 10e9, 10.5e9)) << "the WANs could fill it";
  EXPECT_FALSE(datacenter_link_is_implied(2, "CM02", 10e9, 1e9)) << "cloud-to-cloud traffic";
  EXPECT_FALSE(datacenter_link_is_implied(1, "LV08", 10e9, 1e9)) << "weight-S sees every link";
}

TEST(Platform, AnImpliedDatacenterLinkLeavesTheRouteButNotItsLatency) {
  const auto s = one_cloud_host("10Gbps");
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  std::vector<s4u::Link*> links;
  double latency_s = 0;
  fleet.device.host[5]->route_to(fleet.cloud.host[0], links, &latency_s);
  // 800 Mbps of WAN links cannot fill the 10 Gbps datacenter link: it is left out, and its
  // 0.1 ms rides on the WAN link. device_edge 2 ms + edge_fog 3 ms + fog_cloud 20 ms + 0.1 ms.
  EXPECT_EQ(links.size(), 3u);
  EXPECT_NEAR(latency_s, 0.0251, 1e-12);
  // What the fleet reports is the scenario's: the datacenter link, and the WAN's own latency.
  EXPECT_DOUBLE_EQ(fleet.cloud.uplink_bandwidth_bps[0], 10e9);
  EXPECT_DOUBLE_EQ(fleet.cloud.uplink_latency_s[0], 0.1e-3);
  EXPECT_DOUBLE_EQ(fleet.fog.uplink_latency_s[0], 20e-3);
}

TEST(Platform, TransfersThroughAnImpliedDatacenterLinkShareOnlyTheirWanLinks) {
  const auto [fog0_s, fog1_s] = two_downloads_from_the_cloud(one_cloud_host("10Gbps"));
  // Bottleneck: each download has its own fog's 400 Mbps WAN link (50 MB/s); the 10 Gbps
  // datacenter link would give each 625 MB/s. 5 MB / 50 MB/s = 0.1 s, plus one-way latency
  // 2 + 3 + 20 + 0.1 ms.
  EXPECT_NEAR(fog0_s, 0.1251, 0.1251 * 1e-9);
  EXPECT_NEAR(fog1_s, 0.1251, 0.1251 * 1e-9);
}

TEST(Platform, ADatacenterLinkTheWansCanFillIsKeptAndShared) {
  const auto [fog0_s, fog1_s] = two_downloads_from_the_cloud(one_cloud_host("500Mbps"));
  // 800 Mbps of WAN links exceed the 500 Mbps datacenter link, so it stays and is the bottleneck:
  // 62.5 MB/s shared by the two downloads, 31.25 MB/s each (below each WAN's 50 MB/s):
  // 5 MB / 31.25 MB/s = 0.16 s, plus 25.1 ms of latency.
  EXPECT_NEAR(fog0_s, 0.1851, 0.1851 * 1e-9);
  EXPECT_NEAR(fog1_s, 0.1851, 0.1851 * 1e-9);
}

TEST(Platform, HeterogeneousSpeedsAreDrawnPerHostAndReproducible) {
  scenario::LoadOptions o;
  o.set_overrides = {"/regions/0/fogs=1", "/regions/0/edges_per_fog=2",
                     "/regions/0/devices_per_edge=50",
                     "/hardware/device/gflops={\"distribution\": \"uniform\", \"min\": "
                     "\"5GFLOPS\", \"max\": \"10GFLOPS\"}"};
  const auto s = scenario::load_scenario_text(scenario::builtin_default_scenario_text(), "q", o);
  auto engine = make_engine(s, {});
  const Fleet fleet = build_platform(s);
  double lo = 1e300, hi = 0;
  for (double v : fleet.device.speed_flops) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  EXPECT_GE(lo, 5e9);
  EXPECT_LT(hi, 10e9);
  EXPECT_GT(hi - lo, 2e9) << "100 uniform draws spread over most of [5, 10] GFLOPS";
  // Same seed and entity -> same draw, independent of build order.
  core::Rng rng = core::make_stream(s.seed, core::StreamPurpose::kHostSpeed, 7);
  EXPECT_DOUBLE_EQ(fleet.device.speed_flops[7], s.regions[0].device.speed_flops.draw(rng));
}

}  // namespace
}  // namespace edgefleet::sim
