// Hot paths of the metrics layer: recording latencies and computing percentiles at the end.
#include <benchmark/benchmark.h>

#include "core/random_draws.hpp"
#include "metrics/latency_summary.hpp"
#include "metrics/serving_collector.hpp"

namespace {

using namespace edgefleet;

void BM_LatencyRecordAndPercentiles(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<double> samples(n);
  core::Rng rng = core::make_stream(1, core::StreamPurpose::kPolicy, 0);
  for (auto& s : samples) s = core::draw_exponential(rng, 50.0);
  for (auto _ : state) {
    metrics::LatencySummary summary;
    summary.reserve(n);
    for (double s : samples) summary.record(s);
    benchmark::DoNotOptimize(summary.stats());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}
BENCHMARK(BM_LatencyRecordAndPercentiles)->Arg(1 << 16)->Arg(1 << 20);

void BM_CollectorServed(benchmark::State& state) {
  metrics::ServingCollector collector(0, {1, 1, 1, 1});
  int i = 0;
  for (auto _ : state) {
    collector.served({i & 3, (i >> 2) & 3, "mobilenet_v2", "single", 0.001 * (i % 100), 0.05, 0.7});
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CollectorServed);

}  // namespace
