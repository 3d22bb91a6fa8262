#pragma once
// Helpers for simulating tests of the serving path: a one-edge fleet and a fixed-placement
// adapter (a test double standing in for a scheduling policy, so queueing and timing can be
// checked against closed forms independently of any policy).
#include <memory>

#include <simgrid/s4u.hpp>

#include "core/random_draws.hpp"
#include "scenario/load.hpp"
#include "sim/engine_setup.hpp"
#include "sim/platform_builder.hpp"
#include "sim/serving/serving_engine.hpp"

namespace edgefleet::sim::serving::testing {

// Every request runs on edge 0 (or its own device) with `mean_flops`, exponentially distributed
// when `exponential` (M/M/x service), fixed otherwise (M/D/x).
class FixedPlacement : public PolicyAdapter {
 public:
  FixedPlacement(const Fleet& fleet, core::Tier tier, double mean_flops, bool exponential)
      : nodes_(fleet), tier_(tier), mean_flops_(mean_flops), exponential_(exponential) {}
  Placement place(const PlacementQuery& q, const Telemetry&, const Telemetry&,
                  core::Rng& rng) override {
    Placement p;
    p.kind = PlacementKind::kSingle;
    p.primary = tier_ == core::Tier::kDevice ? q.device : nodes_.id(tier_, 0);
    p.primary_flops = exponential_ ? mean_flops_ * core::draw_exponential(rng, 1.0) : mean_flops_;
    p.accuracy = 1;
    return p;
  }

 private:
  NodeTable nodes_;
  core::Tier tier_;
  double mean_flops_;
  bool exponential_;
};

// One region, one fog, one edge with `devices` devices; JSON overrides applied on top.
inline scenario::Scenario one_edge_scenario(int devices, std::vector<std::string> overrides) {
  scenario::LoadOptions o;
  o.set_overrides = {"/regions/0/fogs=1", "/regions/0/edges_per_fog=1",
                     "/regions/0/devices_per_edge=" + std::to_string(devices),
                     "/cloud/hosts_per_site=1"};
  o.set_overrides.insert(o.set_overrides.end(), overrides.begin(), overrides.end());
  return scenario::load_scenario_text(scenario::builtin_default_scenario_text(), "test", o);
}

struct ServingRun {
  std::unique_ptr<simgrid::s4u::Engine> engine;
  Fleet fleet;
  std::unique_ptr<ServingEngine> serving;
};

inline ServingRun run_fixed(const scenario::Scenario& s, core::Tier tier, double mean_flops,
                            bool exponential) {
  ServingRun r;
  r.engine = make_engine(s, {});
  r.fleet = build_platform(s);
  r.serving = std::make_unique<ServingEngine>(
      s, r.fleet, std::make_unique<FixedPlacement>(r.fleet, tier, mean_flops, exponential), 1);
  r.serving->start();
  r.engine->run();
  r.serving->check_conservation();
  return r;
}

}  // namespace edgefleet::sim::serving::testing
