// Loading and validating a scenario (the size of the JSON does not grow with hosts: topology is
// counts), and resolving it; the 100k-host platform build itself is measured by tools/scale.
#include <benchmark/benchmark.h>

#include "scenario/load.hpp"

namespace {

using namespace edgefleet;

void BM_LoadQuickstartScaledTo100kHosts(benchmark::State& state) {
  scenario::LoadOptions o;
  o.set_overrides = {"/regions/0/fogs=20", "/regions/0/edges_per_fog=50",
                     "/regions/0/devices_per_edge=100"};
  for (auto _ : state) {
    auto s = scenario::load_scenario_text(scenario::builtin_default_scenario_text(), "q", o);
    benchmark::DoNotOptimize(s.device_count());
  }
}
BENCHMARK(BM_LoadQuickstartScaledTo100kHosts);

}  // namespace
