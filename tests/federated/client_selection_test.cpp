#include "federated/client_selection.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace edgefleet::federated {
namespace {

std::unique_ptr<ClientSelector> make(const std::string& name, nlohmann::json params = {}) {
  return make_client_selector(name, params, "/federated/selection", "/federated/selection_params");
}

// Ids 100..100+n-1; every third client offline; battery (i % 10) / 10.
std::vector<ClientObservation> fleet(int n) {
  std::vector<ClientObservation> out;
  for (int i = 0; i < n; ++i) {
    ClientObservation c{100 + i};
    c.online = i % 3 != 0;
    c.battery_fraction = (i % 10) / 10.0;
    out.push_back(c);
  }
  return out;
}

const ClientObservation& find(const std::vector<ClientObservation>& f, std::int64_t id) {
  return f.at(static_cast<std::size_t>(id - 100));
}

void expect_distinct(const Selection& s) {
  std::set<std::int64_t> ids(s.clients.begin(), s.clients.end());
  EXPECT_EQ(ids.size(), s.clients.size());
}

TEST(ClientSelectionUniform, PicksTargetAmongAllIncludingOffline) {
  const auto f = fleet(30);
  const auto sel = make("uniform");
  core::Rng rng(5);
  bool saw_offline = false;
  for (int round = 0; round < 50; ++round) {
    const auto s = sel->select(f, 8, rng);
    EXPECT_EQ(s.clients.size(), 8u);
    EXPECT_EQ(s.keep, 8u);
    expect_distinct(s);
    for (auto id : s.clients) {
      ASSERT_GE(id, 100);
      ASSERT_LT(id, 130);
      saw_offline |= !find(f, id).online;
    }
  }
  EXPECT_TRUE(saw_offline);  // FedAvg's selection is blind to availability
  // Asking for more than exist returns everyone once.
  const auto all = sel->select(f, 100, rng);
  EXPECT_EQ(all.clients.size(), 30u);
  expect_distinct(all);
  EXPECT_TRUE(sel->select(f, 0, rng).clients.empty());
}

TEST(ClientSelectionAvailability, OnlyOnlineClients) {
  const auto f = fleet(30);  // 20 online
  const auto sel = make("availability_aware");
  core::Rng rng(6);
  for (int round = 0; round < 50; ++round) {
    const auto s = sel->select(f, 8, rng);
    EXPECT_EQ(s.clients.size(), 8u);
    expect_distinct(s);
    for (auto id : s.clients) EXPECT_TRUE(find(f, id).online);
  }
  const auto all = sel->select(f, 25, rng);
  EXPECT_EQ(all.clients.size(), 20u);
  EXPECT_EQ(all.keep, 20u);
}

TEST(ClientSelectionOvercommit, StartsCeilFactorTargetKeepsTarget) {
  const auto f = fleet(30);  // 20 online
  core::Rng rng(7);
  const auto s = make("overcommit")->select(f, 10, rng);  // ceil(1.3 * 10) = 13
  EXPECT_EQ(s.clients.size(), 13u);
  EXPECT_EQ(s.keep, 10u);
  expect_distinct(s);
  for (auto id : s.clients) EXPECT_TRUE(find(f, id).online);
  // 1.1 * 10 is 11.000000000000002 in doubles; ceil must still give 11.
  EXPECT_EQ(make("overcommit", {{"factor", 1.1}})->select(f, 10, rng).clients.size(), 11u);
  EXPECT_EQ(make("overcommit", {{"factor", 1.25}})->select(f, 3, rng).clients.size(), 4u);
  // Capped by the online clients: min(ceil(1.3 * 16), 20) = 20, keep 16.
  const auto capped = make("overcommit")->select(f, 16, rng);
  EXPECT_EQ(capped.clients.size(), 20u);
  EXPECT_EQ(capped.keep, 16u);
  // Fewer online than the target: all of them, and all are kept.
  const auto few = make("overcommit")->select(f, 25, rng);
  EXPECT_EQ(few.clients.size(), 20u);
  EXPECT_EQ(few.keep, 20u);
}

TEST(ClientSelectionBattery, OnlyOnlineAboveTheThreshold) {
  const auto f = fleet(100);
  std::size_t eligible = 0;
  for (const auto& c : f) eligible += c.online && c.battery_fraction >= 0.5;
  core::Rng rng(8);
  const auto sel = make("battery_aware", {{"min_battery", 0.5}});
  for (int round = 0; round < 50; ++round) {
    const auto s = sel->select(f, 10, rng);
    EXPECT_EQ(s.clients.size(), 10u);
    expect_distinct(s);
    for (auto id : s.clients) {
      EXPECT_TRUE(find(f, id).online);
      EXPECT_GE(find(f, id).battery_fraction, 0.5);
    }
  }
  EXPECT_EQ(sel->select(f, 1000, rng).clients.size(), eligible);
  // Default threshold 0.2 admits batteries of exactly 0.2.
  const auto d = make("battery_aware")->select(f, 1000, rng);
  std::size_t default_eligible = 0;
  for (const auto& c : f) default_eligible += c.online && c.battery_fraction >= 0.2;
  EXPECT_EQ(d.clients.size(), default_eligible);
}

TEST(ClientSelectionDeterminism, SameStreamSameSelection) {
  const auto f = fleet(200);
  for (const auto& name : client_selector_names()) {
    const auto sel = make(name);
    core::Rng a(11), b(11), c(12);
    const auto sa = sel->select(f, 20, a);
    EXPECT_EQ(sa.clients, sel->select(f, 20, b).clients) << name;
    EXPECT_NE(sa.clients, sel->select(f, 20, c).clients) << name;
  }
}

TEST(ClientSelectionUniform, EachClientIsPickedWithProbabilityTargetOverN) {
  // Sampling without replacement: P(client chosen) = target / n = 10 / 50 = 0.2 per round.
  // Over R = 20000 rounds the count is Binomial(R, 0.2), std sqrt(R 0.2 0.8) = 57; allow 5 std.
  const auto f = fleet(50);
  const int rounds = 20'000;
  for (const char* name : {"uniform", "availability_aware"}) {
    const auto sel = make(name);
    const double n = std::string(name) == "uniform" ? 50 : 33;  // 33 of 50 are online
    const double p = 10 / n;
    std::map<std::int64_t, int> count;
    core::Rng rng(13);
    for (int r = 0; r < rounds; ++r)
      for (auto id : sel->select(f, 10, rng).clients) ++count[id];
    EXPECT_EQ(count.size(), static_cast<std::size_t>(n)) << name;
    for (const auto& [id, k] : count)
      EXPECT_NEAR(k, p * rounds, 5 * std::sqrt(rounds * p * (1 - p))) << name << " id " << id;
  }
}

TEST(ClientSelectionRegistry, NamesAndErrors) {
  EXPECT_EQ(
      client_selector_names(),
      (std::vector<std::string>{"availability_aware", "battery_aware", "overcommit", "uniform"}));
  try {
    make("random");
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/selection");
    EXPECT_NE(e.reason().find("overcommit"), std::string::npos);
  }
  try {
    make("overcommit", {{"factor", 0.5}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/selection_params/factor");
  }
  try {
    make("uniform", {{"factor", 2}});
    FAIL();
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.json_path(), "/federated/selection_params/factor");
  }
}

}  // namespace
}  // namespace edgefleet::federated
