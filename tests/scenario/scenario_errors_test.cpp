// Every class of bad input named in the foundation issue gets an InputError naming the JSON path
// and the reason. The quickstart scenario is the base each case breaks in one place.
#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "scenario/load.hpp"

namespace edgefleet::scenario {
namespace {

Json quickstart() {
  return parse_json_text(builtin_default_scenario_text(), "quickstart");
}

// Loads `doc` expecting failure; returns "path: reason".
std::string error_of(const Json& doc) {
  try {
    load_scenario_json(doc);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string error_with(const std::string& pointer, const Json& value) {
  Json doc = quickstart();
  doc[Json::json_pointer(pointer)] = value;
  return error_of(doc);
}

TEST(ScenarioErrors, MalformedJsonReportsLineAndColumn) {
  try {
    load_scenario_text("{\n  \"name\": \"x\",\n  \"seed\": ,\n}", "bad.json");
    FAIL() << "expected an error";
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "bad.json:3:11") << e.what();
    EXPECT_NE(e.reason().find("malformed JSON"), std::string::npos);
  }
}

TEST(ScenarioErrors, UnknownKeySuggestsTheClosestKnownOne) {
  Json doc = quickstart();
  doc["regions"][0]["devices_per_egde"] = 3;
  EXPECT_EQ(error_of(doc),
            "/regions/0/devices_per_egde: unknown key \"devices_per_egde\" (did you mean "
            "\"devices_per_edge\"?)");
}

TEST(ScenarioErrors, UnknownTopLevelKey) {
  Json doc = quickstart();
  doc["wrokloads"] = Json::array();
  EXPECT_EQ(error_of(doc), "/wrokloads: unknown key \"wrokloads\" (did you mean \"workloads\"?)");
}

TEST(ScenarioErrors, WrongTypes) {
  EXPECT_EQ(error_with("/regions/0/fogs", "five"),
            "/regions/0/fogs: expected an integer, got string");
  EXPECT_EQ(error_with("/regions", Json::object()), "/regions: expected an array, got object");
  EXPECT_EQ(error_with("/workloads/0/complexity", true),
            "/workloads/0/complexity: expected a number, got boolean");
}

TEST(ScenarioErrors, NegativeOrZeroCapacities) {
  EXPECT_EQ(error_with("/links/device_edge/bandwidth", "-5Mbps"),
            "/links/device_edge/bandwidth: must be > 0 (got \"-5Mbps\")");
  EXPECT_EQ(error_with("/links/edge_fog/bandwidth", 0),
            "/links/edge_fog/bandwidth: must be > 0 (got 0)");
  EXPECT_EQ(error_with("/regions/0/edges_per_fog", 0),
            "/regions/0/edges_per_fog: must be >= 1 (got 0)");
  EXPECT_EQ(error_with("/hardware/edge/memory", "-1GB"),
            "/hardware/edge/memory: must be > 0 (got \"-1GB\")");
}

TEST(ScenarioErrors, UnknownNamesListTheKnownOnes) {
  const std::string hw = error_with("/hardware/edge/hardware", "jetson_orin_nan");
  EXPECT_EQ(hw.rfind("/hardware/edge/hardware: unknown hardware class \"jetson_orin_nan\" (did you "
                     "mean \"jetson_orin_nano\"?); known: ",
                     0),
            0u)
      << hw;
  const std::string model = error_with("/workloads/0/model", "resnet-9000");
  EXPECT_EQ(model.rfind("/workloads/0/model: unknown model \"resnet-9000\"", 0), 0u) << model;
  EXPECT_NE(model.find("resnet50"), std::string::npos) << "lists known models: " << model;
  const std::string tech = error_with("/links/device_edge/technology", "carrier-pigeon");
  EXPECT_NE(tech.find("unknown link technology \"carrier-pigeon\" (known: "), std::string::npos)
      << tech;
}

TEST(ScenarioErrors, ImpossibleTopologies) {
  EXPECT_EQ(error_with("/regions/0/fogs", 0), "/regions/0/fogs: must be >= 1 (got 0)")
      << "an edge needs a fog to attach to";
  EXPECT_EQ(error_with("/regions/0/devices_per_edge", 0),
            "/workloads: workloads need devices, but every region has devices_per_edge = 0");
  EXPECT_EQ(error_with("/regions", Json::array()), "/regions: at least one region is needed");
}

TEST(ScenarioErrors, UnparseableUnits) {
  const std::string e = error_with("/workloads/0/slo_latency", "20 fortnights");
  EXPECT_EQ(e.rfind("/workloads/0/slo_latency: unknown unit \"fortnights\" for seconds", 0), 0u)
      << e;
  EXPECT_EQ(error_with("/simulation/duration", "soon"),
            "/simulation/duration: cannot parse \"soon\" as a quantity in seconds");
}

TEST(ScenarioErrors, MissingRequiredFieldAndBadDistribution) {
  Json doc = quickstart();
  doc["workloads"][0].erase("model");
  EXPECT_EQ(error_of(doc), "/workloads/0/model: required field is missing");
  EXPECT_EQ(error_with("/hardware/device/gflops", Json{{"distribution", "gaussian"}}),
            "/hardware/device/gflops/distribution: unknown distribution \"gaussian\" (known: "
            "constant, uniform, normal, lognormal, empirical)");
}

TEST(ScenarioErrors, MissingFileNamesThePath) {
  try {
    load_scenario_file("/nonexistent/edgefleet.json");
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/edgefleet.json: cannot open scenario file");
  }
}

TEST(ScenarioErrors, SetOverrideNeedsAPointer) {
  EXPECT_THROW(load_scenario_json(quickstart(), {{"seed=3"}, std::nullopt}), core::InputError);
}

}  // namespace
}  // namespace edgefleet::scenario
