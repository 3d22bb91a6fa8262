// Aggregating 20 client updates of 1M parameters (a mid-size model) with each rule.
#include <benchmark/benchmark.h>

#include "core/random_draws.hpp"
#include "federated/aggregator.hpp"

namespace {

using namespace edgefleet;

void BM_Aggregate(benchmark::State& state, const char* name, const char* params) {
  const Eigen::Index dim = 1'000'000;
  core::Rng rng(3);
  std::vector<federated::ClientUpdate> updates;
  for (int k = 0; k < 20; ++k) {
    Eigen::VectorXd d(dim);
    for (Eigen::Index i = 0; i < dim; ++i) d(i) = core::draw_standard_normal(rng);
    updates.push_back({k, std::move(d), 100.0 + k});
  }
  auto agg = federated::make_aggregator(name, nlohmann::json::parse(params), "/a", "/p");
  for (auto _ : state) benchmark::DoNotOptimize(agg->aggregate(updates));
  state.SetItemsProcessed(state.iterations() * 20 * dim);  // parameters read
}
BENCHMARK_CAPTURE(BM_Aggregate, fedavg, "fedavg", "{}")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, median, "median", "{}")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, trimmed_mean, "trimmed_mean", R"({"beta":0.1})")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Aggregate, krum, "krum", R"({"f":4})")->Unit(benchmark::kMillisecond);

}  // namespace
