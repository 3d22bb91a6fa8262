#pragma once
// Differential privacy for federated updates: L2 clipping, Gaussian noise, the DP-FedAvg noise
// step, and a Rényi-DP accountant for the sampled Gaussian mechanism.
#include <cstddef>
#include <vector>

#include <Eigen/Dense>

#include "core/rng.hpp"

namespace edgefleet::federated {

// Scales v so that ||v||_2 <= clip_norm (unchanged when already inside); returns the norm before
// clipping. Throws std::invalid_argument when clip_norm < 0.
double clip_l2(Eigen::VectorXd& v, double clip_norm);

// Adds independent N(0, stddev^2) to every coordinate (Box–Muller, one pair per coordinate).
// stddev == 0 leaves v and rng untouched.
void add_gaussian_noise(Eigen::VectorXd& v, double stddev, core::Rng& rng);

// DP-FedAvg (McMahan et al. 2018, "Learning Differentially Private Recurrent Language Models"):
// each client's update is clipped to clip_norm and the server averages them over `clients`;
// one client changes that mean by at most clip_norm / clients, so the Gaussian mechanism adds
// N(0, (noise_multiplier * clip_norm / clients)^2) per coordinate.
void dp_fedavg_noise(Eigen::VectorXd& mean_of_clipped, double clip_norm, double noise_multiplier,
                     std::size_t clients, core::Rng& rng);

// Rényi-DP accountant for T rounds of the sampled Gaussian mechanism (each client takes part
// with probability q; noise std = sigma x sensitivity). Integer orders only.
class RdpAccountant {
 public:
  // q in [0, 1], sigma >= 0 (0 means no noise: infinite RDP when q > 0); orders are integers
  // >= 2. Throws std::invalid_argument otherwise.
  RdpAccountant(double sampling_rate_q, double noise_multiplier_sigma,
                std::vector<double> orders = default_orders());

  void step(int rounds = 1);
  // Smallest epsilon over the orders for the given delta in (0, 1).
  double epsilon(double delta) const;
  int steps() const { return steps_; }

  // RDP of one round at order alpha (exposed for tests and reports).
  double rdp_per_step(double alpha) const;
  const std::vector<double>& orders() const { return orders_; }

  static std::vector<double> default_orders();  // 2, 3, ..., 256

 private:
  double q_, sigma_;
  std::vector<double> orders_;
  std::vector<double> rdp_per_step_;  // one per order: the rounds are identical, so compute once
  int steps_ = 0;
};

}  // namespace edgefleet::federated
