#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "scenario/load.hpp"
#include "scenario/speed_notes.hpp"

namespace edgefleet::scenario {
namespace {

// federated_synthetic on 8 fogs of 1,024 phones, every one of `clients` clients in every round.
Scenario federation(int clients, std::vector<std::string> federated_overrides = {}) {
  LoadOptions o;
  o.set_overrides = {"/regions/0/fogs=8", "/regions/0/edges_per_fog=1",
                     "/regions/0/devices_per_edge=1024",
                     "/federated/clients=" + std::to_string(clients),
                     "/federated/clients_per_round=" + std::to_string(clients)};
  for (auto& f : federated_overrides) o.set_overrides.push_back("/federated/" + f);
  const auto file =
      std::filesystem::path(EDGEFLEET_SOURCE_DIR) / "scenarios" / "federated_synthetic.json";
  return load_scenario_file(file.string(), o);
}

TEST(SpeedNotes, ShippedScenariosNeedNone) {
  EXPECT_TRUE(speed_notes(load_scenario_text(builtin_default_scenario_text(), "q")).empty());
  const auto file =
      std::filesystem::path(EDGEFLEET_SOURCE_DIR) / "scenarios" / "federated_synthetic.json";
  EXPECT_TRUE(speed_notes(load_scenario_file(file.string())).empty());
}

TEST(SpeedNotes, ThousandsOfUnlimitedTransfersGetOneNoteNamingThePathAndTheCount) {
  const auto notes = speed_notes(federation(8192));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].rfind("/federated/max_parallel_transfers: up to 8192 transfers", 0), 0u)
      << notes[0];
  EXPECT_EQ(notes[0].find('\n'), std::string::npos) << "one line";
}

TEST(SpeedNotes, TheNoteStartsAboveTheThreshold) {
  EXPECT_EQ(concurrent_transfers_per_aggregator(federation(kManyConcurrentTransfers)), 2048);
  EXPECT_TRUE(speed_notes(federation(kManyConcurrentTransfers)).empty());
  EXPECT_EQ(speed_notes(federation(kManyConcurrentTransfers + 1)).size(), 1u);
}

TEST(SpeedNotes, ATransferLimitBoundsTheTransfersAtOnceAndFogAggregatorsDoNot) {
  EXPECT_EQ(concurrent_transfers_per_aggregator(federation(8192, {"max_parallel_transfers=256"})),
            256);
  EXPECT_TRUE(speed_notes(federation(8192, {"max_parallel_transfers=256"})).empty());
  // Fogs aggregating their own 1,024 clients' uploads do not help the downloads: the coordinator
  // still sends all 8,192 at once.
  EXPECT_EQ(concurrent_transfers_per_aggregator(federation(8192, {"coordinator=\"fog\""})), 8192);
  EXPECT_EQ(speed_notes(federation(8192, {"coordinator=\"fog\""})).size(), 1u);
}

TEST(SpeedNotes, AsyncRoundsCountTheClientsTrainingAtOnce) {
  EXPECT_EQ(concurrent_transfers_per_aggregator(
                federation(8192, {"mode=\"async\"", "max_concurrency=100"})),
            100);
  EXPECT_EQ(speed_notes(federation(8192, {"mode=\"async\"", "max_concurrency=3000"})).size(), 1u);
}

TEST(SpeedNotes, NoFederationNoNote) {
  EXPECT_EQ(
      concurrent_transfers_per_aggregator(load_scenario_text(builtin_default_scenario_text(), "q")),
      0);
}

}  // namespace
}  // namespace edgefleet::scenario
