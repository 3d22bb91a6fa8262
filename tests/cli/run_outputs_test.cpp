// The run's output files: determinism (same scenario + seed => byte-identical files), check exit
// codes, and the serving section's invariants.
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {
namespace {

const char* const kFiles[] = {"summary.json", "resolved_scenario.json", "nodes.csv",
                              "requests.csv"};

// A short quickstart run; the checks are off so the exit status reflects only the run.
Invocation short_run(const std::filesystem::path& out, const std::string& extra = "") {
  return run_edgefleet("run -q --out " + out.string() +
                       " --set /simulation/duration=10s --set /checks/max_p95_latency=0 " + extra);
}

TEST(CliRun, SameSeedGivesByteIdenticalFiles) {
  const auto a = scratch_dir("det_a"), b = scratch_dir("det_b"), c = scratch_dir("det_c");
  ASSERT_EQ(short_run(a).status, 0);
  ASSERT_EQ(short_run(b).status, 0);
  ASSERT_EQ(short_run(c, "--seed 7").status, 0);
  for (const char* f : kFiles) {
    const std::string fa = read_file(a / f);
    ASSERT_FALSE(fa.empty()) << f;
    EXPECT_EQ(fa, read_file(b / f)) << f;
  }
  EXPECT_NE(read_file(a / "requests.csv"), read_file(c / "requests.csv"));
}

TEST(CliRun, EveryRequestHasExactlyOneOutcome) {
  const auto dir = scratch_dir("conservation");
  ASSERT_EQ(short_run(dir).status, 0);
  const auto s = read_json(dir / "summary.json");
  const auto& q = s["serving"]["requests"];
  const long long total = q["total"].get<long long>();
  EXPECT_GT(total, 0);
  EXPECT_EQ(
      q["served"].get<long long>() + q["dropped"].get<long long>() + q["failed"].get<long long>(),
      total);
  // requests.csv keeps every request by default: one row per request plus the header.
  const std::string csv = read_file(dir / "requests.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), total + 1);
  EXPECT_EQ(s["seed"].get<long long>(), 42);
  EXPECT_EQ(s["scenario_hash"].get<std::string>().size(), 16u);
}

TEST(CliRun, SampledRequestsKeepOneInN) {
  const auto dir = scratch_dir("sampled");
  ASSERT_EQ(short_run(dir, "--sample-requests 10").status, 0);
  const long long total = read_json(dir / "summary.json")["serving"]["requests"]["total"];
  const std::string csv = read_file(dir / "requests.csv");
  // ids 0, 10, 20, ... below total
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), (total + 9) / 10 + 1);
}

TEST(CliRun, FailedCheckExitsOneAndPassingCheckZero) {
  const auto dir = scratch_dir("checks");
  // 1 µs p95 is impossible: exit 1 with the failed check on stderr.
  Invocation r = short_run(dir, "--set /checks/max_p95_latency=1us");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("p95 latency"), std::string::npos) << r.err;
  EXPECT_FALSE(read_json(dir / "summary.json")["checks"]["passed"].get<bool>());
  // 10 s p95 always holds.
  r = short_run(dir, "--set /checks/max_p95_latency=10s");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(read_json(dir / "summary.json")["checks"]["passed"].get<bool>());
}

TEST(CliRun, WeightedNodeScoreBeatsRandomOnP95) {
  // Same fleet and arrivals; random spreads requests over slow devices and far nodes, the
  // weighted score keeps them on nodes whose estimated latency fits the SLO.
  const auto w = scratch_dir("weighted"), r = scratch_dir("random");
  ASSERT_EQ(short_run(w, "--set /scheduler/policy=weighted_node_score").status, 0);
  ASSERT_EQ(short_run(r, "--set /scheduler/policy=random").status, 0);
  const double p95_weighted = read_json(w / "summary.json")["serving"]["latency_s"]["p95_s"];
  const double p95_random = read_json(r / "summary.json")["serving"]["latency_s"]["p95_s"];
  EXPECT_LT(p95_weighted, p95_random);
}

TEST(CliRun, EmbeddedDefaultEqualsQuickstartFile) {
  const auto a = scratch_dir("embedded"), b = scratch_dir("file");
  ASSERT_EQ(short_run(a).status, 0);
  ASSERT_EQ(
      run_edgefleet("run -q --out " + b.string() + " " + source_path("scenarios/quickstart.json") +
                    " --set /simulation/duration=10s --set /checks/max_p95_latency=0")
          .status,
      0);
  EXPECT_EQ(read_file(a / "resolved_scenario.json"), read_file(b / "resolved_scenario.json"));
}

}  // namespace
}  // namespace edgefleet::cli::testing
