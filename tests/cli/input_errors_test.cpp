// Every bad input ends with exit status 2 and exactly one line on stderr naming the JSON path and
// the reason — never a crash or an uncaught exception.
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {
namespace {

std::string validate() {
  return "validate " + source_path("scenarios/quickstart.json") + " ";
}

void expect_input_error(const Invocation& r, const std::string& path, const std::string& reason) {
  EXPECT_EQ(r.status, 2) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
  EXPECT_EQ(r.err.rfind("edgefleet: error: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
}

TEST(CliInputErrors, MalformedJsonGivesLineAndColumn) {
  const auto dir = scratch_dir("malformed");
  const auto file = write_text(dir / "bad.json", "{\n  \"schema_version\": 1,\n  \"seed\": ,\n}\n");
  expect_input_error(run_edgefleet("validate " + file.string()), "bad.json", "line 3");
}

TEST(CliInputErrors, UnknownKeySuggestsTheClosestOne) {
  expect_input_error(run_edgefleet("run --set /simulation/duraton=5s"), "/simulation/duraton",
                     "did you mean \"duration\"");
}

TEST(CliInputErrors, NegativeBandwidth) {
  expect_input_error(run_edgefleet(validate() + "--set /links/device_edge/bandwidth=-5Mbps"),
                     "/links/device_edge/bandwidth", "must be > 0");
}

TEST(CliInputErrors, UnknownPolicyListsKnownPolicies) {
  const Invocation r = run_edgefleet("run --set /scheduler/policy=fastest");
  expect_input_error(r, "/scheduler/policy", "unknown policy 'fastest'");
  EXPECT_NE(r.err.find("weighted_node_score"), std::string::npos);
}

TEST(CliInputErrors, MissingScenarioFile) {
  expect_input_error(run_edgefleet("run /nonexistent/scenario.json"), "/nonexistent/scenario.json",
                     "cannot");
}

TEST(CliInputErrors, UnknownHardwareListsCatalog) {
  const Invocation r = run_edgefleet(validate() + "--set /hardware/edge/hardware=cray_xc40");
  expect_input_error(r, "/hardware/edge/hardware", "cray_xc40");
  EXPECT_NE(r.err.find("raspberry_pi_4"), std::string::npos);
}

TEST(CliInputErrors, UnknownModelListsZoo) {
  const Invocation r = run_edgefleet(validate() + "--set /workloads/0/model=gpt5");
  expect_input_error(r, "/workloads/0/model", "gpt5");
  EXPECT_NE(r.err.find("resnet50"), std::string::npos);
}

TEST(CliInputErrors, UnparseableUnit) {
  expect_input_error(run_edgefleet(validate() + "--set /simulation/duration=10parsecs"),
                     "/simulation/duration", "unknown unit \"parsecs\"");
}

TEST(CliInputErrors, WrongType) {
  expect_input_error(run_edgefleet(validate() + "--set '/regions/0/fogs=\"five\"'"),
                     "/regions/0/fogs", "integer");
}

TEST(CliInputErrors, WorkloadWithoutDevices) {
  expect_input_error(run_edgefleet(validate() + "--set /regions/0/devices_per_edge=0"),
                     "/workloads", "need devices");
}

TEST(CliInputErrors, BadPolicyParameter) {
  expect_input_error(run_edgefleet(validate() + "--set /scheduler/policy=cascade --set "
                                                "/scheduler/params/confidence_threshold=1.5"),
                     "/scheduler/params/confidence_threshold", "1");
}

TEST(CliInputErrors, UsageErrorsExitTwo) {
  EXPECT_EQ(run_edgefleet("run --no-such-flag").status, 2);
  EXPECT_EQ(run_edgefleet("frobnicate").status, 2);
  EXPECT_EQ(run_edgefleet("run --sample-requests 0").status, 2);
}

TEST(CliInputErrors, ValidateAcceptsTheDefaultAndPrintsNothingOnStderr) {
  const Invocation r = run_edgefleet("validate " + source_path("scenarios/quickstart.json"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

}  // namespace
}  // namespace edgefleet::cli::testing
