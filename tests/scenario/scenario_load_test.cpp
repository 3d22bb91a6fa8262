#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/load.hpp"

namespace edgefleet::scenario {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ScenarioLoad, EmbeddedDefaultIsScenariosQuickstart) {
  const auto file = std::filesystem::path(EDGEFLEET_SOURCE_DIR) / "scenarios" / "quickstart.json";
  EXPECT_EQ(read_file(file), builtin_default_scenario_text());
}

TEST(ScenarioLoad, QuickstartMatchesTheSizingCalculatorDefaults) {
  const Scenario s = load_scenario_text(builtin_default_scenario_text(), "quickstart");
  EXPECT_EQ(s.edge_count(), 50);
  ASSERT_EQ(s.workloads.size(), 1u);
  EXPECT_DOUBLE_EQ(s.workloads[0].slo_latency_s, 0.020);
  const ModelSpec* model = s.find_model(s.workloads[0].model);
  ASSERT_NE(model, nullptr);
  EXPECT_NEAR(model->variant("fp32")->bytes, 100e6, 5e6) << "a ~100 MB model";
}

TEST(ScenarioLoad, UnitsAreNormalisedAndDefaultsFilled) {
  const Scenario s = load_scenario_text(builtin_default_scenario_text(), "quickstart");
  const Region& r = s.regions.at(0);
  EXPECT_DOUBLE_EQ(r.links.edge_fog.bandwidth_bps.value, 1e9);
  EXPECT_DOUBLE_EQ(r.links.edge_fog.latency_s.value, 0.002);
  EXPECT_DOUBLE_EQ(s.workloads[0].arrival.rate_per_s, 0.5);
  EXPECT_DOUBLE_EQ(s.workloads[0].priority_mix[3], 0.05);
  EXPECT_EQ(s.serving.queue_capacity, 1000);
  EXPECT_EQ(s.simulation.network_model, "CM02");
}

TEST(ScenarioLoad, TechnologyPresetFillsBandwidthAndLatency) {
  Json doc = parse_json_text(builtin_default_scenario_text(), "q");
  doc["links"]["device_edge"] = {{"technology", "4g"}};
  const Scenario s = load_scenario_json(doc);
  EXPECT_DOUBLE_EQ(s.regions[0].links.device_edge.bandwidth_bps.value, 20e6);
  EXPECT_DOUBLE_EQ(s.regions[0].links.device_edge.latency_s.value, 0.025);
}

TEST(ScenarioLoad, SetOverridesAndSeed) {
  LoadOptions options;
  options.set_overrides = {"/regions/0/fogs=2", "/name=small"};
  options.seed = 7;
  const Scenario s = load_scenario_text(builtin_default_scenario_text(), "q", options);
  EXPECT_EQ(s.regions[0].fog_count, 2);
  EXPECT_EQ(s.name, "small");
  EXPECT_EQ(s.seed, 7u);
}

TEST(ScenarioLoad, ResolvedScenarioRoundTrips) {
  Json doc = parse_json_text(builtin_default_scenario_text(), "q");
  doc["hardware"]["device"]["gflops"] = {
      {"distribution", "uniform"}, {"min", "5GFLOPS"}, {"max", "10GFLOPS"}};
  const Scenario first = load_scenario_json(doc);
  const Json resolved = resolved_json(first);
  const Scenario second = load_scenario_json(resolved);
  EXPECT_EQ(resolved_json(second).dump(), resolved.dump());
  EXPECT_EQ(resolved["hardware"]["device"]["gflops"]["min"], 5e9);
}

}  // namespace
}  // namespace edgefleet::scenario
