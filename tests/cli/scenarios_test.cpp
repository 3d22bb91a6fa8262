// Every file under scenarios/ validates and runs (shortened to 5 simulated seconds), and its run
// conserves requests.
#include <algorithm>
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {
namespace {

std::vector<std::string> scenario_names() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(source_path("scenarios"))) {
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ScenarioFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioFile, ValidatesAndRuns) {
  const std::string file = source_path("scenarios/" + GetParam() + ".json");
  if (read_file(file).find("fashion_mnist") != std::string::npos &&
      !std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
    GTEST_SKIP() << "Fashion-MNIST absent (Debian package dataset-fashion-mnist)";
  const Invocation v = run_edgefleet("validate " + file);
  ASSERT_EQ(v.status, 0) << v.err;
  const auto dir = scratch_dir("scenario_" + GetParam());
  const Invocation r = run_edgefleet("run -q --sample-requests 100 --out " + dir.string() + " " +
                                     file + " --set /simulation/duration=5s");
  // 0 or 1: a 5 s run may legitimately miss the scenario's checks; 2 or a crash may not.
  EXPECT_TRUE(r.status == 0 || r.status == 1) << r.status << " " << r.err;
  const auto summary = read_json(dir / "summary.json");
  EXPECT_EQ(summary["scenario"], GetParam());
  if (summary.contains("federated")) {
    const auto& f = summary["federated"];
    EXPECT_EQ(f["rounds_completed"], f["rounds_requested"]);
    // rounds.csv: a header and one line per round.
    const std::string rounds = read_file(dir / "rounds.csv");
    EXPECT_EQ(std::count(rounds.begin(), rounds.end(), '\n'),
              f["rounds_completed"].get<long long>() + 1);
  }
  if (summary.contains("serving")) {
    const auto& q = summary["serving"]["requests"];
    EXPECT_EQ(
        q["served"].get<long long>() + q["dropped"].get<long long>() + q["failed"].get<long long>(),
        q["total"].get<long long>());
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(AllScenarios, ScenarioFile, ::testing::ValuesIn(scenario_names()),
                         [](const auto& info) { return info.param; });

TEST(ScenarioFiles, AtLeastTheDocumentedExamplesExist) {
  const auto names = scenario_names();
  for (const char* n :
       {"quickstart", "retail_cameras", "factory", "vehicles", "wearables", "large_scale"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

}  // namespace
}  // namespace edgefleet::cli::testing
