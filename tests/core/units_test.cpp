#include "core/units.hpp"

#include <gtest/gtest.h>

#include "core/distribution.hpp"
#include "core/rng.hpp"

namespace edgefleet::core {
namespace {

double parse_ok(const char* text, Dimension d) {
  std::string why;
  auto v = parse_quantity(text, d, &why);
  EXPECT_TRUE(v.has_value()) << text << ": " << why;
  return v.value_or(-1);
}

TEST(Units, ParsesTheIssueExamples) {
  EXPECT_DOUBLE_EQ(parse_ok("100MB", Dimension::kBytes), 100e6);
  EXPECT_DOUBLE_EQ(parse_ok("1.5GiB", Dimension::kBytes), 1.5 * 1024 * 1024 * 1024);
  EXPECT_DOUBLE_EQ(parse_ok("20ms", Dimension::kSeconds), 0.020);
  EXPECT_DOUBLE_EQ(parse_ok("1Gbps", Dimension::kBitsPerSecond), 1e9);
  EXPECT_DOUBLE_EQ(parse_ok("54Mbps", Dimension::kBitsPerSecond), 54e6);
  EXPECT_DOUBLE_EQ(parse_ok("5GFLOPS", Dimension::kFlopsPerSecond), 5e9);
  EXPECT_DOUBLE_EQ(parse_ok("12W", Dimension::kWatts), 12);
  EXPECT_DOUBLE_EQ(parse_ok("$0.12/kWh", Dimension::kUsdPerKwh), 0.12);
  EXPECT_DOUBLE_EQ(parse_ok("500m", Dimension::kCores), 0.5);
  EXPECT_DOUBLE_EQ(parse_ok(" 10 MB/s ", Dimension::kBitsPerSecond), 80e6);
}

TEST(Units, BareNumbersAreBaseUnits) {
  EXPECT_DOUBLE_EQ(parse_ok("42", Dimension::kBytes), 42);
  EXPECT_DOUBLE_EQ(parse_ok("0.5", Dimension::kSeconds), 0.5);
}

TEST(Units, RejectsUnknownUnitsAndGarbageWithAReason) {
  std::string why;
  EXPECT_FALSE(parse_quantity("20 parsecs", Dimension::kSeconds, &why));
  EXPECT_NE(why.find("unknown unit \"parsecs\""), std::string::npos) << why;
  EXPECT_NE(why.find("ms"), std::string::npos) << "lists known units: " << why;
  EXPECT_FALSE(parse_quantity("fast", Dimension::kBitsPerSecond, &why));
  EXPECT_NE(why.find("cannot parse"), std::string::npos) << why;
  EXPECT_FALSE(parse_quantity("100MB", Dimension::kSeconds, &why)) << "bytes are not seconds";
}

TEST(Rng, StreamsAreReproducibleAndDistinct) {
  Rng a = make_stream(42, StreamPurpose::kArrivals, 7);
  Rng b = make_stream(42, StreamPurpose::kArrivals, 7);
  Rng c = make_stream(42, StreamPurpose::kArrivals, 8);
  Rng d = make_stream(43, StreamPurpose::kArrivals, 7);
  const auto first = a();
  EXPECT_EQ(first, b());
  EXPECT_NE(first, c());
  EXPECT_NE(first, d());
}

TEST(Distribution, UniformDrawsStayInRangeWithTheRightMean) {
  Distribution u;
  u.kind = Distribution::Kind::kUniform;
  u.min = 2;
  u.max = 4;
  Rng rng = make_stream(1, StreamPurpose::kHostSpeed, 0);
  double sum = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double v = u.draw(rng);
    ASSERT_GE(v, 2);
    ASSERT_LT(v, 4);
    sum += v;
  }
  // Standard error of the mean: (2/sqrt(12))/sqrt(n) ~ 0.0018; 5 sigma tolerance.
  EXPECT_NEAR(sum / n, u.expected(), 0.01);
}

}  // namespace
}  // namespace edgefleet::core
