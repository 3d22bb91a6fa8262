#include "federated/privacy.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace edgefleet::federated {
namespace {

TEST(PrivacyClip, ScalesOntoTheBallAndReturnsTheOriginalNorm) {
  Eigen::VectorXd v(2);
  v << 3.0, 4.0;
  EXPECT_DOUBLE_EQ(clip_l2(v, 1.0), 5.0);
  EXPECT_NEAR(v(0), 0.6, 1e-15);
  EXPECT_NEAR(v(1), 0.8, 1e-15);
  EXPECT_NEAR(v.norm(), 1.0, 1e-15);
  // Inside the ball: untouched.
  Eigen::VectorXd w(2);
  w << 0.3, -0.4;
  const Eigen::VectorXd before = w;
  EXPECT_DOUBLE_EQ(clip_l2(w, 1.0), 0.5);
  EXPECT_EQ(w, before);
  EXPECT_THROW(clip_l2(w, -1.0), std::invalid_argument);
}

void expect_moments(const Eigen::VectorXd& noise, double stddev) {
  const double n = static_cast<double>(noise.size());
  const double mean = noise.mean();
  const double var = (noise.array() - mean).square().sum() / (n - 1);
  // Standard errors: stddev / sqrt(n) for the mean, stddev^2 sqrt(2 / n) for the variance;
  // allow 5 of them.
  EXPECT_NEAR(mean, 0.0, 5 * stddev / std::sqrt(n));
  EXPECT_NEAR(var, stddev * stddev, 5 * stddev * stddev * std::sqrt(2.0 / n));
}

TEST(PrivacyNoise, GaussianNoiseHasTheRequestedMomentsAndIsSeeded) {
  const Eigen::Index n = 200'000;
  Eigen::VectorXd v = Eigen::VectorXd::Constant(n, 1.0);
  core::Rng rng(42);
  add_gaussian_noise(v, 2.0, rng);
  expect_moments(v.array() - 1.0, 2.0);
  Eigen::VectorXd again = Eigen::VectorXd::Constant(n, 1.0);
  core::Rng same(42);
  add_gaussian_noise(again, 2.0, same);
  EXPECT_EQ(v, again);
  // No noise: nothing changes.
  Eigen::VectorXd w = Eigen::VectorXd::Ones(3);
  add_gaussian_noise(w, 0.0, rng);
  EXPECT_EQ(w, Eigen::VectorXd::Ones(3));
}

TEST(PrivacyDpFedAvg, NoiseStdIsSigmaTimesClipOverClients) {
  // sigma = 1.5, C = 2, 10 clients: std 0.3 per coordinate.
  const Eigen::Index n = 200'000;
  Eigen::VectorXd mean_update = Eigen::VectorXd::Zero(n);
  core::Rng rng(7);
  dp_fedavg_noise(mean_update, 2.0, 1.5, 10, rng);
  expect_moments(mean_update, 0.3);
  EXPECT_THROW(dp_fedavg_noise(mean_update, 2.0, 1.5, 0, rng), std::invalid_argument);
}

constexpr double kDelta = 1e-5;

TEST(RdpAccountantGaussian, FullParticipationIsTheGaussianMechanism) {
  // q = 1: the Gaussian mechanism with sensitivity 1 and std sigma has RDP alpha / (2 sigma^2)
  // (Mironov 2017, Prop. 7).
  for (double sigma : {0.7, 1.0, 4.0}) {
    RdpAccountant acc(1.0, sigma);
    for (double a : acc.orders())
      EXPECT_NEAR(acc.rdp_per_step(a), a / (2 * sigma * sigma), 1e-12 * a / (sigma * sigma))
          << "sigma " << sigma << " alpha " << a;
  }
  // eps(alpha) = T alpha / (2 sigma^2) + log(1/delta) / (alpha - 1), minimised near
  // alpha* = 1 + sqrt(2 sigma^2 log(1/delta) / T).
  // sigma = 1, T = 1: alpha* = 5.80; alpha 5 -> 5.378, alpha 6 -> 5.303, alpha 7 -> 5.419.
  RdpAccountant one(1.0, 1.0);
  one.step();
  EXPECT_NEAR(one.epsilon(kDelta), 3.0 + std::log(1 / kDelta) / 5, 1e-12);
  // sigma = 4, T = 10: alpha* = 7.07; alpha 6 -> 4.178, alpha 7 -> 4.106, alpha 8 -> 4.145.
  RdpAccountant ten(1.0, 4.0);
  ten.step(10);
  EXPECT_EQ(ten.steps(), 10);
  EXPECT_NEAR(ten.epsilon(kDelta), 70.0 / 32 + std::log(1 / kDelta) / 6, 1e-12);
}

TEST(RdpAccountantSampled, OrderTwoHasItsClosedForm) {
  // A_2 = (1-q)^2 + 2q(1-q) + q^2 e^{1/sigma^2} = 1 + q^2 (e^{1/sigma^2} - 1), and RDP(2) = log
  // A_2.
  for (double q : {1e-4, 0.01, 0.1, 0.5}) {
    for (double sigma : {0.8, 1.1, 3.0}) {
      RdpAccountant acc(q, sigma);
      EXPECT_NEAR(acc.rdp_per_step(2), std::log1p(q * q * std::expm1(1 / (sigma * sigma))), 1e-12)
          << "q " << q << " sigma " << sigma;
    }
  }
}

TEST(RdpAccountantSampled, LogSpaceSumEqualsTheDirectBinomialSum) {
  // For moderate orders the binomial expansion fits a double without logs: compare.
  const double q = 0.05, sigma = 2.0;
  RdpAccountant acc(q, sigma);
  for (int a = 2; a <= 30; ++a) {
    double sum = 0, binom = 1;
    for (int k = 0; k <= a; ++k) {
      if (k > 0) binom = binom * (a - k + 1) / k;
      sum += binom * std::pow(1 - q, a - k) * std::pow(q, k) *
             std::exp(k * (k - 1.0) / (2 * sigma * sigma));
    }
    EXPECT_NEAR(acc.rdp_per_step(a), std::log(sum) / (a - 1), 1e-14 + 1e-12 * std::log(sum))
        << "alpha " << a;
  }
}

TEST(RdpAccountantSampled, LargeOrdersStayFinite) {
  // exp(k (k - 1) / (2 sigma^2)) overflows a double at alpha = 256, sigma = 0.5; the log-space
  // sum does not, and sampling can only help: RDP <= the full-participation alpha / (2 sigma^2).
  RdpAccountant acc(0.01, 0.5);
  const double r = acc.rdp_per_step(256);
  EXPECT_TRUE(std::isfinite(r));
  EXPECT_LE(r, 256 / (2 * 0.25) + 1e-9);
  EXPECT_GT(r, 0);
}

TEST(RdpAccountantSampled, EpsilonGrowsWithRoundsAndSamplingAndFallsWithNoise) {
  const auto eps = [](double q, double sigma, int rounds) {
    RdpAccountant acc(q, sigma);
    acc.step(rounds);
    return acc.epsilon(kDelta);
  };
  double last = 0;
  for (int t : {1, 10, 100, 1000, 10000}) {
    const double e = eps(0.01, 1.1, t);
    EXPECT_GT(e, last) << "T " << t;
    last = e;
  }
  last = std::numeric_limits<double>::infinity();
  for (double sigma : {0.6, 0.8, 1.0, 2.0, 4.0, 8.0}) {
    const double e = eps(0.01, sigma, 1000);
    EXPECT_LT(e, last) << "sigma " << sigma;
    last = e;
  }
  last = 0;
  for (double q : {0.001, 0.01, 0.1, 1.0}) {
    const double e = eps(q, 1.0, 100);
    EXPECT_GT(e, last) << "q " << q;
    last = e;
  }
  // Composition: T rounds cost at most T times one round's RDP at each order, and steps add up.
  RdpAccountant split(0.01, 1.1);
  split.step(600);
  split.step(400);
  EXPECT_EQ(split.steps(), 1000);
  EXPECT_DOUBLE_EQ(split.epsilon(kDelta), eps(0.01, 1.1, 1000));
}

TEST(RdpAccountantSampled, NoUseOrHugeNoiseLeavesOnlyTheConversionTerm) {
  // With zero RDP the bound is min_alpha log(1/delta) / (alpha - 1), at the largest order 256.
  const double floor_eps = std::log(1 / kDelta) / 255;
  RdpAccountant unused(0.01, 1.0);
  EXPECT_DOUBLE_EQ(unused.epsilon(kDelta), floor_eps);
  RdpAccountant nobody(0.0, 1.0);
  nobody.step(1000);
  EXPECT_DOUBLE_EQ(nobody.epsilon(kDelta), floor_eps);
  RdpAccountant quiet(0.1, 1e4);
  quiet.step(1000);
  EXPECT_GT(quiet.epsilon(kDelta), floor_eps);
  EXPECT_LT(quiet.epsilon(kDelta), floor_eps + 1e-3);
  // No noise at all: no privacy.
  RdpAccountant loud(0.1, 0.0);
  loud.step();
  EXPECT_EQ(loud.epsilon(kDelta), std::numeric_limits<double>::infinity());
}

TEST(RdpAccountantSampled, MatchesPublishedAndHighPrecisionValues) {
  // Abadi et al. 2016, "Deep Learning with Differential Privacy", Sec. 3.1: q = 0.01, sigma = 4,
  // T = 10000, delta = 1e-5 gives epsilon ~ 1.26 with the moments accountant.
  RdpAccountant abadi(0.01, 4.0);
  abadi.step(10'000);
  EXPECT_NEAR(abadi.epsilon(kDelta), 1.26, 0.005);
  // The same min over alpha = 2..256 of T log(A_alpha) / (alpha - 1) + log(1/delta) / (alpha - 1),
  // with A_alpha summed in 60-digit arithmetic (mpmath, outside this code base):
  //   q = 0.01, sigma = 1.1, T = 10000 -> 6.2798110295722238
  //   q = 0.1,  sigma = 0.8, T = 100   -> 15.214304570596846
  RdpAccountant a(0.01, 1.1);
  a.step(10'000);
  EXPECT_NEAR(a.epsilon(kDelta), 6.2798110295722238, 1e-11);
  RdpAccountant b(0.1, 0.8);
  b.step(100);
  EXPECT_NEAR(b.epsilon(kDelta), 15.214304570596846, 1e-11);
}

TEST(RdpAccountantSampled, RejectsBadArguments) {
  EXPECT_THROW(RdpAccountant(1.5, 1.0), std::invalid_argument);
  EXPECT_THROW(RdpAccountant(0.1, -1.0), std::invalid_argument);
  EXPECT_THROW(RdpAccountant(0.1, 1.0, {1.5}), std::invalid_argument);
  EXPECT_THROW(RdpAccountant(0.1, 1.0, {}), std::invalid_argument);
  RdpAccountant acc(0.1, 1.0);
  EXPECT_THROW(acc.step(-1), std::invalid_argument);
  EXPECT_THROW(acc.epsilon(0.0), std::invalid_argument);
  EXPECT_THROW(acc.epsilon(1.0), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::federated
