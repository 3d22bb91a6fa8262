#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <stdexcept>

#include "metrics/csv_writer.hpp"
#include "metrics/json_summary.hpp"
#include "metrics/number_format.hpp"

namespace edgefleet::metrics {
namespace {

TEST(NumberFormat, NineSignificantDigitsShortestForm) {
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.3");  // 0.30000000000000004 at 9 digits
  EXPECT_EQ(format_number(1.0 / 3), "0.333333333");
  EXPECT_EQ(format_number(100.0), "100");
  EXPECT_EQ(format_number(123456789012.0), "1.23456789e+11");
  EXPECT_EQ(format_number(1e-9), "1e-09");
  EXPECT_EQ(format_number(-2.5), "-2.5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(NAN), "");
  EXPECT_EQ(format_number(-INFINITY), "");
  EXPECT_EQ(round_to_output_precision(1.0 / 3), 0.333333333);
  EXPECT_EQ(format_fixed(91.26, 1), "91.3");
  EXPECT_EQ(format_fixed(-0.01, 1), "0.0");
  EXPECT_EQ(format_fixed(NAN, 1), "n/a");
}

TEST(Csv, Rfc4180Quoting) {
  EXPECT_EQ(csv_escape("plain"), "plain");
  EXPECT_EQ(csv_escape(""), "");
  EXPECT_EQ(csv_escape("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_escape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_escape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_escape("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv_escape(" spaced "), " spaced ");  // spaces are data, not a reason to quote
}

TEST(Csv, WritesHeaderRowsNumbersAndEmptyNonFinite) {
  std::ostringstream out;
  CsvWriter w(out, {"name", "value", "n"});
  w.field("x,y").field(0.1).field(3).end_row();
  w.field("q\"").field(NAN).field(std::int64_t{-2}).end_row();
  w.field("big").field(1e21).field(std::uint64_t{18446744073709551615ull}).end_row();
  EXPECT_EQ(out.str(),
            "name,value,n\n"
            "\"x,y\",0.1,3\n"
            "\"q\"\"\",,-2\n"
            "big,1e+21,18446744073709551615\n");
  EXPECT_EQ(w.rows_written(), 3u);
}

// A stream whose locale writes "1.234,5": the writer must not let it touch numbers.
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

TEST(Csv, NumbersIgnoreTheStreamLocale) {
  std::ostringstream out;
  out.imbue(std::locale(std::locale::classic(), new CommaDecimal));
  out << 1234.5;
  ASSERT_EQ(out.str(), "1.234,5");  // the facet is active on this stream
  out.str("");
  CsvWriter w(out, {"x", "n"});
  w.field(1234.5).field(1234567).end_row();
  EXPECT_EQ(out.str(), "x,n\n1234.5,1234567\n");
}

TEST(Csv, RowWidthMustMatchTheHeader) {
  std::ostringstream out;
  CsvWriter w(out, {"a", "b"});
  w.field(1);
  EXPECT_THROW(w.end_row(), std::logic_error);
  EXPECT_THROW(CsvWriter(out, {}), std::invalid_argument);
}

TEST(Csv, LatencyColumnsMatchTheirFields) {
  std::ostringstream out;
  std::vector<std::string> header = {"tier"};
  for (auto& c : latency_csv_columns()) header.push_back(c);
  CsvWriter w(out, header);
  LatencySummary s;
  for (double x : {1.0, 2.0, 3.0}) s.record(x);
  w.field("edge");
  append_latency_fields(w, s.stats());
  w.end_row();  // throws if the column list and the fields disagree
  // p90: h = 1.8 -> 2.8; p95: h = 1.9 -> 2.9; p99: h = 1.98 -> 2.98.
  EXPECT_EQ(out.str(),
            "tier,count,mean_s,min_s,p50_s,p90_s,p95_s,p99_s,max_s\n"
            "edge,3,2,1,2,2.8,2.9,2.98,3\n");
}

TEST(Json, NumbersAreRoundedAndNonFiniteIsNull) {
  EXPECT_TRUE(json_number(NAN).is_null());
  EXPECT_TRUE(json_number(INFINITY).is_null());
  EXPECT_EQ(json_number(0.1 + 0.2).dump(), "0.3");
  EXPECT_EQ(json_number(2.0).dump(), "2.0");
}

TEST(Json, LatencyStatsHaveAFixedKeyOrder) {
  LatencySummary s;
  for (double x : {3.0, 1.0, 2.0}) s.record(x);
  EXPECT_EQ(to_json(s.stats()).dump(),
            "{\"count\":3,\"mean_s\":2.0,\"min_s\":1.0,\"p50_s\":2.0,\"p90_s\":2.8,"
            "\"p95_s\":2.9,\"p99_s\":2.98,\"max_s\":3.0}");
  EXPECT_EQ(to_json(LatencySummary{}.stats()).dump(),
            "{\"count\":0,\"mean_s\":null,\"min_s\":null,\"p50_s\":null,\"p90_s\":null,"
            "\"p95_s\":null,\"p99_s\":null,\"max_s\":null}");
}

TEST(Json, IntegerKeyedGroupsUseTheGivenNamesInNumericOrder) {
  LatencyByPriority by_priority;
  by_priority.record(10, 1.0);
  by_priority.record(2, 0.5);
  const Json j = to_json(by_priority, [](int p) { return std::to_string(p); });
  EXPECT_EQ(j.begin().key(), "2");  // 2 before 10: numeric, not string, order
  EXPECT_EQ(j["10"]["max_s"].dump(), "1.0");
}

TEST(Json, ScoresShowFederatedAsNullWhenNotRun) {
  Scores s{99.0, 20.0, std::nullopt, 50.0};
  EXPECT_EQ(to_json(s).dump(),
            "{\"performance\":99.0,\"scalability\":20.0,\"federated\":null,"
            "\"cost_efficiency\":50.0}");
}

// Builds a whole summary from the same facts fed in the given order.
std::string summary_text(bool reversed) {
  std::vector<std::pair<std::string, double>> samples = {
      {"edge", 0.012}, {"cloud", 0.25}, {"edge", 0.018}, {"fog", 0.04}, {"cloud", 0.2}};
  std::vector<std::string> drops = {"queue_full", "deadline_expired", "queue_full"};
  if (reversed) {
    std::reverse(samples.begin(), samples.end());
    std::reverse(drops.begin(), drops.end());
  }
  LatencyByName by_tier;
  TotalsByName energy_j_by_tier;
  OutcomeCounters outcomes;
  for (const auto& [tier, latency] : samples) {
    by_tier.record(tier, latency);
    energy_j_by_tier.add(tier, latency * 10);
    outcomes.count(Outcome::kServed);
  }
  for (const auto& reason : drops) outcomes.count(Outcome::kDropped, reason);
  Json j = Json::object();
  j["latency_by_tier"] = to_json(by_tier);
  j["outcomes"] = to_json(outcomes, 2.0);
  j["energy_j_by_tier"] = to_json(energy_j_by_tier);
  CostInputs cost;
  cost.classes.push_back({"pi", "edge", 3, 80, 0, 5, false});
  cost.usd_per_kwh = 0.3;
  j["cost"] = to_json(monthly_cost(cost));
  return dump_stable(j);
}

TEST(Json, IdenticalInputsGiveByteIdenticalOutputWhateverTheEventOrder) {
  const std::string a = summary_text(false);
  const std::string b = summary_text(true);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, summary_text(false));
  EXPECT_EQ(a.back(), '\n');
  // Groups appear in byte order, not in first-seen order.
  EXPECT_LT(a.find("\"cloud\""), a.find("\"edge\""));
  EXPECT_LT(a.find("\"edge\""), a.find("\"fog\""));
  EXPECT_NE(a.find("\"throughput_per_s\": 2.5"), std::string::npos);  // 5 served / 2 s
}

}  // namespace
}  // namespace edgefleet::metrics
