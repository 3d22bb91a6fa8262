// Federated update pipeline on 1M-parameter vectors (a mid-size model): int8 and top-k
// compression of one client update, DP clipping + noise, and the RDP accountant's setup and
// epsilon query (its cost depends on the orders, not on the model size).
#include <benchmark/benchmark.h>

#include "core/random_draws.hpp"
#include "federated/compression.hpp"
#include "federated/privacy.hpp"

namespace {

using namespace edgefleet;

constexpr Eigen::Index kParameters = 1'000'000;

Eigen::VectorXd normal_update(std::uint64_t seed) {
  core::Rng rng(seed);
  Eigen::VectorXd d(kParameters);
  for (Eigen::Index i = 0; i < kParameters; ++i) d(i) = core::draw_standard_normal(rng);
  return d;
}

void BM_Compress(benchmark::State& state, const char* name, const char* params) {
  const Eigen::VectorXd update = normal_update(3);
  const auto c = federated::make_compressor(name, nlohmann::json::parse(params), "/c", "/p");
  for (auto _ : state) benchmark::DoNotOptimize(c->compress(update));
  state.SetItemsProcessed(state.iterations() * kParameters);
}
BENCHMARK_CAPTURE(BM_Compress, int8, "int8", "{}")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Compress, topk_1pct, "topk", R"({"fraction":0.01})")
    ->Unit(benchmark::kMillisecond);

void BM_ClipAndNoise(benchmark::State& state) {
  const Eigen::VectorXd update = normal_update(4);
  core::Rng rng(5);
  for (auto _ : state) {
    Eigen::VectorXd d = update;
    federated::clip_l2(d, 1.0);
    federated::dp_fedavg_noise(d, 1.0, 1.1, 100, rng);
    benchmark::DoNotOptimize(d.data());
  }
  state.SetItemsProcessed(state.iterations() * kParameters);
}
BENCHMARK(BM_ClipAndNoise)->Unit(benchmark::kMillisecond);

// Building the accountant evaluates the log-space binomial sum at every order (2..256).
void BM_RdpAccountantSetup(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(federated::RdpAccountant(0.01, 1.1).steps());
}
BENCHMARK(BM_RdpAccountantSetup)->Unit(benchmark::kMicrosecond);

void BM_RdpAccountantEpsilon(benchmark::State& state) {
  federated::RdpAccountant acc(0.01, 1.1);
  acc.step(1000);
  for (auto _ : state) benchmark::DoNotOptimize(acc.epsilon(1e-5));
}
BENCHMARK(BM_RdpAccountantEpsilon)->Unit(benchmark::kMicrosecond);

}  // namespace
