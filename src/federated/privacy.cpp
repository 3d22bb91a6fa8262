#include "federated/privacy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/random_draws.hpp"

namespace edgefleet::federated {

double clip_l2(Eigen::VectorXd& v, double clip_norm) {
  if (!(clip_norm >= 0)) throw std::invalid_argument("clip_l2: clip_norm must be >= 0");
  const double norm = v.norm();
  if (norm > clip_norm) v *= clip_norm / norm;
  return norm;
}

void add_gaussian_noise(Eigen::VectorXd& v, double stddev, core::Rng& rng) {
  if (!(stddev >= 0)) throw std::invalid_argument("add_gaussian_noise: stddev must be >= 0");
  if (stddev == 0) return;
  for (Eigen::Index i = 0; i < v.size(); ++i) v(i) += core::draw_normal(rng, 0.0, stddev);
}

void dp_fedavg_noise(Eigen::VectorXd& mean_of_clipped, double clip_norm, double noise_multiplier,
                     std::size_t clients, core::Rng& rng) {
  if (clients == 0) throw std::invalid_argument("dp_fedavg_noise: no clients");
  add_gaussian_noise(mean_of_clipped, noise_multiplier * clip_norm / static_cast<double>(clients),
                     rng);
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// log(exp(a) + exp(b)) without overflow.
double log_add(double a, double b) {
  if (a == -kInf) return b;
  if (b == -kInf) return a;
  const double hi = std::max(a, b);
  return hi + std::log1p(std::exp(std::min(a, b) - hi));
}

// log A_alpha for integer alpha (Mironov, Talwar, Zhang 2019, "Rényi Differential Privacy of the
// Sampled Gaussian Mechanism", Sec. 3.3):
//   A_alpha = sum_{k=0}^{alpha} C(alpha, k) (1 - q)^(alpha - k) q^k exp((k^2 - k) / (2 sigma^2)),
// summed in log space term by term as TensorFlow Privacy's `_compute_log_a_int` (rdp_accountant.py)
// does, because for large alpha the exp factor overflows a double long before the sum does.
// log C(alpha, k) is accumulated as a running sum of logs rather than lgamma (which is not
// thread-safe in glibc and no more accurate here).
double log_a_integer(int alpha, double q, double sigma) {
  const double log_q = std::log(q);
  const double log_1mq = std::log1p(-q);
  double log_binom = 0;  // log C(alpha, 0)
  double log_a = -kInf;
  for (int k = 0; k <= alpha; ++k) {
    if (k > 0) log_binom += std::log(static_cast<double>(alpha - k + 1) / k);
    // Skip the factors with a zero exponent: 0 * log(0) must count as 0 when q is 0 or 1.
    double term = log_binom;
    if (k > 0) term += k * log_q;
    if (alpha - k > 0) term += (alpha - k) * log_1mq;
    term += static_cast<double>(k) * (k - 1) / (2.0 * sigma * sigma);
    log_a = log_add(log_a, term);
  }
  return log_a;
}

}  // namespace

RdpAccountant::RdpAccountant(double sampling_rate_q, double noise_multiplier_sigma,
                             std::vector<double> orders)
    : q_(sampling_rate_q), sigma_(noise_multiplier_sigma), orders_(std::move(orders)) {
  if (!(q_ >= 0 && q_ <= 1)) throw std::invalid_argument("RdpAccountant: q must be in [0, 1]");
  if (!(sigma_ >= 0)) throw std::invalid_argument("RdpAccountant: sigma must be >= 0");
  if (orders_.empty()) throw std::invalid_argument("RdpAccountant: no orders");
  rdp_per_step_.reserve(orders_.size());
  for (double a : orders_) rdp_per_step_.push_back(rdp_per_step(a));
}

double RdpAccountant::rdp_per_step(double alpha) const {
  if (!(alpha >= 2) || alpha != std::floor(alpha) || alpha > 1e6)
    throw std::invalid_argument("RdpAccountant: orders must be integers >= 2 (got " +
                                std::to_string(alpha) + ")");
  if (q_ == 0) return 0;         // nobody's data is used
  if (sigma_ == 0) return kInf;  // the exact update is released
  const int a = static_cast<int>(alpha);
  return log_a_integer(a, q_, sigma_) / (a - 1);
}

void RdpAccountant::step(int rounds) {
  if (rounds < 0) throw std::invalid_argument("RdpAccountant: negative rounds");
  steps_ += rounds;
}

// RDP composes additively over rounds; (alpha, eps_alpha)-RDP implies
// (eps_alpha + log(1/delta) / (alpha - 1), delta)-DP (Mironov 2017, "Rényi Differential
// Privacy", Prop. 3), and every order gives a valid bound, so take the smallest.
double RdpAccountant::epsilon(double delta) const {
  if (!(delta > 0 && delta < 1)) throw std::invalid_argument("RdpAccountant: delta in (0, 1)");
  double best = kInf;
  for (std::size_t i = 0; i < orders_.size(); ++i) {
    const double total = steps_ == 0 ? 0.0 : steps_ * rdp_per_step_[i];
    best = std::min(best, total + std::log(1.0 / delta) / (orders_[i] - 1));
  }
  return best;
}

std::vector<double> RdpAccountant::default_orders() {
  std::vector<double> out;
  for (int a = 2; a <= 256; ++a) out.push_back(a);
  return out;
}

}  // namespace edgefleet::federated
