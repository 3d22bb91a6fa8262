// Issue 5's benchmark commands (tools/scale, tools/scale_federated) are scripts that parse the
// programs' output: if a printed line changes, their tables fill with blanks or zeros without
// failing. This runs each on its smallest size (a few seconds) and checks what the tables say;
// every measuring script answers a bad command line with its usage line and status 2.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {
namespace {

const std::string kBinaries = std::string("EDGEFLEET_THREADS=2 EDGEFLEET_BIN=") + EDGEFLEET_BIN +
                              " EDGEFLEET_BARE_BIN=" + EDGEFLEET_BARE_BIN +
                              " EDGEFLEET_BARE_FEDERATED_BIN=" + EDGEFLEET_BARE_FEDERATED_BIN;

// The scripts' ratio: a / b printed with 2 decimals, 0 when b printed as 0.
double printed_ratio(double a, double b) {
  return b > 0 ? a / b : 0;
}

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The table's rows that start with `label`, each as its last `columns` fields (labels may hold
// spaces, numbers do not).
std::vector<std::vector<double>> rows(const std::string& table, const std::string& label,
                                      std::size_t columns) {
  std::istringstream in(table);
  std::vector<std::vector<double>> out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(label, 0) != 0) continue;
    const auto w = words(line);
    if (w.size() < columns) continue;
    std::vector<double> numbers;
    for (std::size_t i = w.size() - columns; i < w.size(); ++i)
      numbers.push_back(w[i] == "-" ? NAN : std::atof(w[i].c_str()));
    out.push_back(numbers);
  }
  return out;
}

TEST(ScaleScripts, LadderSmallestRungComparesLikeWithLike) {
  const Invocation r =
      run_program(kBinaries + " bash " + source_path("tools/scale"), "--max 1000 --repeat 1");
  ASSERT_EQ(r.status, 0) << r.err;
  // devices requests simulated_s wall_s cpu_s peak_MB req_per_wall_s wall_ratio
  const auto bare = rows(r.out, "bare ", 8);
  const auto edgefleet = rows(r.out, "edgefleet ", 8);
  ASSERT_EQ(bare.size(), 1u) << r.out;
  ASSERT_EQ(edgefleet.size(), 1u) << r.out;
  const auto& b = bare[0];
  const auto& e = edgefleet[0];
  EXPECT_EQ(b[0], 1000);
  EXPECT_EQ(e[0], 1000);
  // 1,000 devices x 0.1833 requests/s x 600 s = 109,980 Poisson arrivals: within 6 standard
  // deviations (~330 each). The baseline issues the same requests, so the counts are equal.
  EXPECT_NEAR(e[1], 109980, 2000) << r.out;
  EXPECT_EQ(b[1], e[1]) << r.out;
  EXPECT_EQ(e[2], 600);
  for (const auto* row : {&b, &e}) {
    EXPECT_GT((*row)[3], 0) << r.out;  // wall s
    EXPECT_GT((*row)[5], 0) << r.out;  // peak MB
  }
  EXPECT_NEAR(e[7], printed_ratio(e[3], b[3]), 0.01 + 0.01 * e[7])
      << r.out;  // ratio of the printed walls
  EXPECT_NE(r.err.find("run: edgefleet devices=1000"), std::string::npos) << r.err;
}

TEST(ScaleScripts, FederatedPrintsEveryLimitAgainstItsFloor) {
  // --set reaches both programs: 3 rounds instead of the benchmark's 5.
  const Invocation r =
      run_program(kBinaries + " bash " + source_path("tools/scale_federated"),
                  "--clients 64 --repeat 1 --cap 100 --limits \"16 0\" --set /federated/rounds=3");
  ASSERT_EQ(r.status, 0) << r.err;
  // clients rounds wall_s cpu_s loop_cpu_s data_prep_s peak_MB floor_ratio
  const auto bare = rows(r.out, "bare SimGrid", 8);
  const auto limited = rows(r.out, "max_parallel_transfers=16 ", 8);
  const auto all = rows(r.out, "max_parallel_transfers=0 ", 8);
  ASSERT_EQ(bare.size(), 2u) << r.out;
  ASSERT_EQ(limited.size(), 1u) << r.out;
  ASSERT_EQ(all.size(), 1u) << r.out;
  for (const auto& row : {bare[0], bare[1], limited[0], all[0]}) {
    EXPECT_EQ(row[0], 64) << r.out;
    EXPECT_EQ(row[1], 3) << r.out;  // rounds.csv's data rows
    EXPECT_GT(row[2], 0) << r.out;  // wall s
    EXPECT_GE(row[4], 0) << r.out;  // the event loop's CPU s was found and parsed
    EXPECT_GT(row[6], 0) << r.out;  // peak MB
  }
  EXPECT_GE(limited[0][5], 0) << r.out;  // data preparation s, parsed from edgefleet's wall line
  EXPECT_NE(r.err.find("run: bare limit=16 clients=64 rounds=3 "), std::string::npos) << r.err;
  EXPECT_NEAR(limited[0][7], printed_ratio(limited[0][2], bare[0][2]), 0.01 + 0.01 * limited[0][7])
      << r.out;
}

TEST(ScaleScripts, FederatedBadOverrideStopsWithThePathAndStatus2) {
  const Invocation r =
      run_program(kBinaries + " bash " + source_path("tools/scale_federated"),
                  "--clients 64 --repeat 1 --cap 100 --limits 16 --set /federated/bogus=1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/federated/bogus: unknown key"), std::string::npos) << r.err;
}

TEST(ScaleScripts, UnknownFlagOrMissingValueIsAUsageErrorWithStatus2) {
  for (const char* script :
       {"tools/scale", "tools/scale_federated", "tools/memory_scale", "tools/compare_federated"})
    for (const char* args : {"--bogus 1", "--repeat"}) {
      const Invocation r = run_program(kBinaries + " bash " + source_path(script), args);
      EXPECT_EQ(r.status, 2) << script << " " << args;
      EXPECT_NE(r.err.find("usage: tools/"), std::string::npos) << r.err;
    }
}

}  // namespace
}  // namespace edgefleet::cli::testing
