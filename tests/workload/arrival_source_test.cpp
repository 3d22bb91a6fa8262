#include "workload/arrival_source.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace edgefleet::workload {
namespace {

using scenario::ArrivalProcess;
using scenario::ArrivalSpec;

std::vector<Arrival> drain(ArrivalSource& s, double end_s) {
  std::vector<Arrival> out;
  while (auto a = s.next(end_s)) out.push_back(*a);
  return out;
}

TEST(ArrivalSource, PoissonCountAndDeviceSpreadMatchTheRate) {
  ArrivalSpec spec;
  spec.rate_per_s = 0.5;
  auto src = make_arrival_source(spec, 200, 42, 0);
  const auto arrivals = drain(*src, 1000);
  // Expected 200 * 0.5 * 1000 = 100000 arrivals, sd = sqrt(100000) ~ 316: 5 sd tolerance.
  EXPECT_NEAR(static_cast<double>(arrivals.size()), 100000, 1600);
  std::vector<int> per_device(200, 0);
  for (std::size_t i = 0; i < arrivals.size(); ++i) {
    ASSERT_GE(arrivals[i].device, 0);
    ASSERT_LT(arrivals[i].device, 200);
    if (i > 0) {
      ASSERT_GE(arrivals[i].time_s, arrivals[i - 1].time_s);
    }
    ++per_device[arrivals[i].device];
  }
  // Each device ~ Poisson(500): none should be far off (sd ~ 22; 6 sd).
  for (int c : per_device) EXPECT_NEAR(c, 500, 135);
}

TEST(ArrivalSource, PoissonInterArrivalsAreExponential) {
  ArrivalSpec spec;
  spec.rate_per_s = 10;
  auto src = make_arrival_source(spec, 1, 7, 3);
  const auto a = drain(*src, 10000);
  double sum = 0, sum_sq = 0;
  for (std::size_t i = 1; i < a.size(); ++i) {
    const double gap = a[i].time_s - a[i - 1].time_s;
    sum += gap;
    sum_sq += gap * gap;
  }
  const double n = static_cast<double>(a.size() - 1);
  const double mean = sum / n;
  const double cv = std::sqrt(sum_sq / n - mean * mean) / mean;
  EXPECT_NEAR(mean, 0.1, 0.002);
  EXPECT_NEAR(cv, 1.0, 0.02) << "exponential gaps have a coefficient of variation of 1";
}

TEST(ArrivalSource, PeriodicFiresEveryDeviceOncePerPeriod) {
  ArrivalSpec spec;
  spec.process = ArrivalProcess::kPeriodic;
  spec.period_s = 2;
  auto src = make_arrival_source(spec, 50, 1, 0);
  const auto a = drain(*src, 20);
  EXPECT_EQ(a.size(), 500u) << "50 devices x 10 periods";
  std::vector<double> last(50, -1);
  for (const auto& x : a) {
    if (last[x.device] >= 0) {
      EXPECT_NEAR(x.time_s - last[x.device], 2.0, 1e-9);
    }
    last[x.device] = x.time_s;
  }
}

TEST(ArrivalSource, BurstyIsSilentWhileOff) {
  ArrivalSpec spec;
  spec.process = ArrivalProcess::kBursty;
  spec.rate_per_s = 1;
  spec.on_s = 10;
  spec.off_s = 30;
  auto src = make_arrival_source(spec, 100, 5, 0);
  const auto a = drain(*src, 400);
  for (const auto& x : a) EXPECT_LT(std::fmod(x.time_s, 40.0), 10.0) << x.time_s;
  // 10 cycles x 10 s on x 100 req/s = 10000 expected (sd 100).
  EXPECT_NEAR(static_cast<double>(a.size()), 10000, 500);
}

TEST(ArrivalSource, DiurnalFollowsTheHourlyProfile) {
  ArrivalSpec spec;
  spec.process = ArrivalProcess::kDiurnal;
  spec.rate_per_s = 1;
  spec.hourly_multipliers.fill(0);
  spec.hourly_multipliers[1] = 2;  // only 01:00-02:00 is busy
  auto src = make_arrival_source(spec, 1, 9, 0);
  const auto a = drain(*src, 7200);
  for (const auto& x : a) EXPECT_GE(x.time_s, 3600);
  EXPECT_NEAR(static_cast<double>(a.size()), 7200, 430) << "2/s for one hour, sd ~85";
}

TEST(ArrivalSource, SameSeedSameSequenceDifferentWorkloadDifferentSequence) {
  ArrivalSpec spec;
  auto a = drain(*make_arrival_source(spec, 10, 42, 0), 50);
  auto b = drain(*make_arrival_source(spec, 10, 42, 0), 50);
  auto c = drain(*make_arrival_source(spec, 10, 42, 1), 50);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].time_s, b[i].time_s);
    EXPECT_EQ(a[i].device, b[i].device);
  }
  EXPECT_NE(a.front().time_s, c.front().time_s);
}

}  // namespace
}  // namespace edgefleet::workload
