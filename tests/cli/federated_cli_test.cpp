// The federated section through the real binary: bad input is a one-line error with the JSON path
// (exit 2); rounds.csv and summary.json are byte-identical for the same seed whatever the thread
// count; the resolved scenario runs again to the same results.
#include <gtest/gtest.h>

#include <cstdlib>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {
namespace {

std::string fl_scenario() {
  return source_path("scenarios/federated_synthetic.json");
}

// A quicker federated_synthetic: 5 rounds of 2 epochs.
std::string short_fl(const std::filesystem::path& out, const std::string& extra = "") {
  return "run -q --out " + out.string() + " " + fl_scenario() +
         " --set /federated/rounds=5 --set /federated/local/epochs=2 " + extra;
}

void expect_error(const std::string& args, const std::string& path, const std::string& reason) {
  const Invocation r = run_edgefleet("validate " + fl_scenario() + " " + args);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
}

TEST(CliFederated, BadInputNamesThePathAndTheReason) {
  expect_error("--set /federated/roundz=3", "/federated/roundz", "did you mean");
  expect_error("--set /federated/aggregator/name=fedavgg", "/federated/aggregator/name",
               "unknown aggregator");
  expect_error("--set /federated/server_optimizer/name=adam", "/federated/server_optimizer/name",
               "fedadam");
  expect_error("--set '/federated/selection/params={\"factor\":2}'", "/federated/selection/params",
               "factor");
  expect_error("--set /federated/clients=31", "/federated/clients", "only 30 devices");
  expect_error("--set /federated/clients_per_round=40", "/federated/clients_per_round", "exceeds");
  expect_error("--set /federated/local/learning_rate=-1", "/federated/local/learning_rate", "");
  expect_error("--set /federated/dataset/kind=mnist", "/federated/dataset/kind", "fashion_mnist");
  expect_error("--set /federated/privacy/noise_multiplier=1", "/federated/privacy/noise_multiplier",
               "clip_norm");
  expect_error("--set /federated/mode=async --set /federated/coordinator=fog",
               "/federated/coordinator", "synchronous");
}

TEST(CliFederated, ValidateNotesThousandsOfUnlimitedTransfersAndStillAccepts) {
  const std::string big =
      "--set /regions/0/fogs=8 --set /regions/0/edges_per_fog=1 "
      "--set /regions/0/devices_per_edge=1024 --set /federated/clients=8192 "
      "--set /federated/clients_per_round=8192";
  const Invocation r = run_edgefleet("validate " + fl_scenario() + " " + big);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\nnote: /federated/max_parallel_transfers: up to 8192 transfers"),
            std::string::npos)
      << r.out;
  const Invocation limited = run_edgefleet("validate " + fl_scenario() + " " + big +
                                           " --set /federated/max_parallel_transfers=256");
  EXPECT_EQ(limited.status, 0) << limited.err;
  EXPECT_EQ(limited.out.find("note:"), std::string::npos) << limited.out;
}

TEST(CliFederated, MissingDatasetFileIsAnInputError) {
  const auto dir = scratch_dir("fl_missing");
  const Invocation r = run_edgefleet(
      short_fl(dir, "--set '/federated/dataset={\"kind\": \"csv\", \"path\": \"/none.csv\"}'"));
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("/federated/dataset/path"), std::string::npos) << r.err;
}

TEST(CliFederated, SameSeedGivesByteIdenticalRoundsWhateverTheThreadCount) {
  const auto a = scratch_dir("fl_a"), b = scratch_dir("fl_b"), c = scratch_dir("fl_c");
  ::setenv("EDGEFLEET_THREADS", "3", 1);
  ASSERT_EQ(run_edgefleet(short_fl(a)).status, 0);
  ::setenv("EDGEFLEET_THREADS", "1", 1);
  ASSERT_EQ(run_edgefleet(short_fl(b)).status, 0);
  ::unsetenv("EDGEFLEET_THREADS");
  ASSERT_EQ(run_edgefleet(short_fl(c, "--seed 8")).status, 0);
  for (const char* f : {"rounds.csv", "summary.json"}) {
    const std::string fa = read_file(a / f);
    ASSERT_FALSE(fa.empty()) << f;
    EXPECT_EQ(fa, read_file(b / f)) << f;
  }
  EXPECT_NE(read_file(a / "rounds.csv"), read_file(c / "rounds.csv"));
  const auto s = read_json(a / "summary.json");
  EXPECT_EQ(s["federated"]["rounds_completed"], 5);
}

TEST(CliFederated, TrainsOnACsvDatasetSplitIntoShards) {
  const std::string digits = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";
  if (!std::filesystem::exists(digits)) GTEST_SKIP() << "sklearn digits absent (python3-sklearn)";
  const auto dir = scratch_dir("fl_csv");
  const Invocation r = run_edgefleet(
      short_fl(dir, "--set '/federated/dataset={\"kind\": \"csv\", \"path\": \"" + digits +
                        "\", \"partition\": \"shards\"}' --set /federated/stragglers/fraction=0 "
                        "--set /federated/local/learning_rate=0.05 --set /federated/rounds=10"));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto f = read_json(dir / "summary.json")["federated"];
  // 1797 8x8 digits over 30 clients with 2 label shards each: chance is 0.1; ten rounds of
  // logistic regression on standardised pixels must do far better.
  EXPECT_GT(f["final_test_accuracy"].get<double>(), 0.5) << f.dump();
  EXPECT_EQ(f["parameters"], 64 * 10 + 10);
}

TEST(CliFederated, ResolvedScenarioReproducesTheRun) {
  const auto a = scratch_dir("fl_r1"), b = scratch_dir("fl_r2");
  ASSERT_EQ(run_edgefleet(short_fl(a)).status, 0);
  ASSERT_EQ(
      run_edgefleet("run -q --out " + b.string() + " " + (a / "resolved_scenario.json").string())
          .status,
      0);
  EXPECT_EQ(read_file(a / "rounds.csv"), read_file(b / "rounds.csv"));
}

}  // namespace
}  // namespace edgefleet::cli::testing
