#include "federated/attacks.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace edgefleet::federated {
namespace {

Eigen::VectorXd ramp() {
  return Eigen::VectorXd::LinSpaced(5, -1.0, 3.0);
}

TEST(AttackCorruption, SignFlipScaleAndNone) {
  core::Rng rng(1);
  Eigen::VectorXd d = ramp();
  apply_attack({"sign_flip", 0.2, 2.0}, d, rng);
  EXPECT_EQ(d, -2.0 * ramp());
  d = ramp();
  apply_attack({"scale", 0.2, 10.0}, d, rng);
  EXPECT_EQ(d, 10.0 * ramp());
  d = ramp();
  apply_attack({"none", 0.2, 10.0}, d, rng);
  EXPECT_EQ(d, ramp());
  // Deterministic attacks draw nothing: the stream is where it started.
  core::Rng fresh(1);
  EXPECT_EQ(rng(), fresh());
  EXPECT_THROW(apply_attack({"label_flip", 0.2, 1.0}, d, rng), std::invalid_argument);
}

TEST(AttackCorruption, GaussianReplacesTheUpdateWithNoise) {
  const Eigen::Index n = 100'000;
  Eigen::VectorXd d = Eigen::VectorXd::Constant(n, 50.0);  // the honest value must not leak
  core::Rng rng(9);
  apply_attack({"gaussian", 0.1, 3.0}, d, rng);
  const double mean = d.mean();
  const double var = (d.array() - mean).square().sum() / (n - 1);
  EXPECT_NEAR(mean, 0.0, 5 * 3.0 / std::sqrt(n));
  EXPECT_NEAR(var, 9.0, 5 * 9.0 * std::sqrt(2.0 / n));
}

TEST(AttackSelection, DeterministicPerSeedAndClientWithTheRequestedShare) {
  const AttackSpec spec{"sign_flip", 0.3, 1.0};
  const int n = 20'000;
  int attackers = 0, differ = 0;
  for (int id = 0; id < n; ++id) {
    const bool a = is_attacker(spec, id, 77);
    EXPECT_EQ(a, is_attacker(spec, id, 77));  // same answer every round
    attackers += a;
    differ += a != is_attacker(spec, id, 78);
  }
  // Binomial(n, 0.3): std sqrt(n 0.3 0.7) = 65; allow 5 of them.
  EXPECT_NEAR(attackers, 0.3 * n, 5 * std::sqrt(n * 0.3 * 0.7));
  // Another seed picks an independent subset: they differ with probability 2 * 0.3 * 0.7.
  EXPECT_NEAR(differ, 0.42 * n, 5 * std::sqrt(n * 0.42 * 0.58));
}

TEST(AttackSelection, EdgeFractionsAndNone) {
  for (int id = 0; id < 1000; ++id) {
    EXPECT_FALSE(is_attacker({"scale", 0.0, 5.0}, id, 1));
    EXPECT_TRUE(is_attacker({"scale", 1.0, 5.0}, id, 1));
    EXPECT_FALSE(is_attacker({"none", 1.0, 5.0}, id, 1));
  }
}

TEST(AttackSpecParsing, ReadsAndValidates) {
  const auto spec = parse_attack_spec({{"kind", "gaussian"}, {"fraction", 0.25}, {"scale", 2}},
                                      "/federated/attack");
  EXPECT_EQ(spec.kind, "gaussian");
  EXPECT_EQ(spec.fraction, 0.25);
  EXPECT_EQ(spec.scale, 2.0);
  EXPECT_EQ(parse_attack_spec(nlohmann::json::object(), "/a").kind, "none");
  EXPECT_EQ(attack_kinds(), (std::vector<std::string>{"gaussian", "none", "scale", "sign_flip"}));
  const auto path_of_error = [](const nlohmann::json& j) {
    try {
      parse_attack_spec(j, "/federated/attack");
    } catch (const core::InputError& e) {
      return e.json_path();
    }
    return std::string("no error");
  };
  EXPECT_EQ(path_of_error({{"kind", "sign_flp"}}), "/federated/attack/kind");
  EXPECT_EQ(path_of_error({{"kind", 3}}), "/federated/attack/kind");
  EXPECT_EQ(path_of_error({{"fraction", 1.5}}), "/federated/attack/fraction");
  EXPECT_EQ(path_of_error({{"kind", "gaussian"}, {"scale", -1}}), "/federated/attack/scale");
  EXPECT_EQ(path_of_error({{"kind", "scale"}, {"factor", 2}}), "/federated/attack/factor");
  EXPECT_EQ(path_of_error({{"kind", "sign_flip"}, {"scale", -1}}), "no error");
}

}  // namespace
}  // namespace edgefleet::federated
