// The federated benchmark's floor program (tools/bench/bare_federated.cpp) must issue the same
// activities as edgefleet's rounds, or its wall time is not the floor it claims to be: both runs
// must end at the same simulated instant. Anything it does not model is refused with the path.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {
namespace {

// 60 devices on 2 fogs, every client every round, at most 4 transfers per aggregator at once (the
// gates queue most transfers), 3 rounds with 0.5 s between them.
const std::string kSets =
    "/regions/0/fogs=2 /federated/clients=60 /federated/clients_per_round=60 "
    "/federated/rounds=3 /federated/local/epochs=1 /federated/stragglers/fraction=0 "
    "/federated/local/prox_mu=0 /federated/dataset/max_samples_per_client=300 "
    "/federated/max_parallel_transfers=4 /federated/round_interval=0.5s";

double bare_simulated_s(const std::string& sets) {
  const Invocation r = run_program(EDGEFLEET_BARE_FEDERATED_BIN,
                                   source_path("scenarios/federated_synthetic.json") + " " + sets);
  EXPECT_EQ(r.status, 0) << r.err;
  const auto at = r.out.find("simulated_s=");
  EXPECT_NE(at, std::string::npos) << r.out;
  return std::atof(r.out.c_str() + at + 12);
}

// end_s of the last row of rounds.csv (the third column).
double edgefleet_last_round_end_s(const std::string& sets) {
  const auto out = scratch_dir("bare_fl");
  std::string args =
      "run -q --out " + out.string() + " " + source_path("scenarios/federated_synthetic.json");
  std::istringstream words(sets);
  for (std::string w; words >> w;) args += " --set " + w;
  const Invocation r = run_edgefleet(args);
  EXPECT_EQ(r.status, 0) << r.err;
  std::istringstream csv(read_file(out / "rounds.csv"));
  std::string line, last;
  while (std::getline(csv, line))
    if (!line.empty()) last = line;
  std::filesystem::remove_all(out);
  std::istringstream fields(last);
  std::string round, start, end;
  std::getline(fields, round, ',');
  std::getline(fields, start, ',');
  std::getline(fields, end, ',');
  return std::atof(end.c_str());
}

TEST(BareFederated, EndsWhenEdgefleetsRoundsEnd) {
  const double edgefleet_s = edgefleet_last_round_end_s(kSets);
  EXPECT_GT(edgefleet_s, 1.0);  // 3 rounds of gated transfers and 2 pauses of 0.5 s
  // rounds.csv keeps 9 significant digits, the bare program 6 decimals.
  EXPECT_NEAR(bare_simulated_s(kSets), edgefleet_s, 1e-6 * edgefleet_s);
}

TEST(BareFederated, EndsWhenEdgefleetsRoundsEndUnderFogCoordinators) {
  const std::string sets = kSets + " /federated/coordinator=fog";
  const double edgefleet_s = edgefleet_last_round_end_s(sets);
  EXPECT_NE(edgefleet_s, edgefleet_last_round_end_s(kSets));  // the fogs change the activities
  EXPECT_NEAR(bare_simulated_s(sets), edgefleet_s, 1e-6 * edgefleet_s);
}

TEST(BareFederated, RefusesWhatItDoesNotModel) {
  const Invocation r =
      run_program(EDGEFLEET_BARE_FEDERATED_BIN, source_path("scenarios/federated_synthetic.json") +
                                                    " /federated/stragglers/fraction=0.5");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/federated/stragglers/fraction"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

}  // namespace
}  // namespace edgefleet::cli::testing
