// Baselines a researcher compares against: round_robin, random, least_loaded, nearest,
// cloud_only, device_only. Each picks among the nodes of the view that can serve the request.
#include <cstdint>

#include "scheduler/latency_estimate.hpp"
#include "scheduler/policy_registry.hpp"

namespace edgefleet::scheduler {

namespace {

std::vector<int> servable(const FleetView& v, const RequestView& r) {
  std::vector<int> out;
  for (int i = 0; i < v.size(); ++i)
    if (can_serve(v.nodes[i], r)) out.push_back(i);
  return out;
}

class RoundRobin final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    const auto options = servable(v, r);
    if (options.empty()) return reject("no_eligible_node");
    return single_on(v, options[cursor_++ % options.size()], "round_robin");
  }

 private:
  std::uint64_t cursor_ = 0;
};

class Random final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng& rng) override {
    const auto options = servable(v, r);
    if (options.empty()) return reject("no_eligible_node");
    const auto k = static_cast<std::size_t>(core::uniform01(rng) * options.size());
    return single_on(v, options[k], "random");
  }
};

// Lowest key wins; ties go to the earlier node in the view (the nearer one).
template <typename Key>
Decision argmin_single(const FleetView& v, const RequestView& r, Key key, std::string_view why) {
  int best = -1;
  for (int i = 0; i < v.size(); ++i) {
    if (!can_serve(v.nodes[i], r)) continue;
    if (best < 0 || key(v.nodes[i]) < key(v.nodes[best])) best = i;
  }
  return best < 0 ? reject("no_eligible_node") : single_on(v, best, why);
}

class LeastLoaded final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    return argmin_single(v, r, load_ratio, "least_loaded");
  }
};

class Nearest final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    return argmin_single(
        v, r, [](const NodeView& n) { return n.hops + n.path_latency_s * 1e-6; }, "nearest");
  }
};

class CloudOnly final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    int best = -1;
    for (int i = std::max(0, v.first_cloud); v.first_cloud >= 0 && i < v.size(); ++i) {
      if (!can_serve(v.nodes[i], r)) continue;
      if (best < 0 || load_ratio(v.nodes[i]) < load_ratio(v.nodes[best])) best = i;
    }
    return best < 0 ? reject("cloud_cannot_serve") : single_on(v, best, "cloud_only");
  }
};

class DeviceOnly final : public Policy {
 public:
  Decision decide(const RequestView& r, const FleetView& v, core::Rng&) override {
    if (v.self >= 0 && can_serve(v.nodes[v.self], r)) return single_on(v, v.self, "device_only");
    return reject("device_cannot_serve");
  }
};

template <typename P>
PolicyFactory plain() {
  return [](scenario::ObjectReader&) -> std::unique_ptr<Policy> { return std::make_unique<P>(); };
}

}  // namespace

void register_baseline_policies(PolicyRegistry& reg) {
  reg["round_robin"] = plain<RoundRobin>();
  reg["random"] = plain<Random>();
  reg["least_loaded"] = plain<LeastLoaded>();
  reg["nearest"] = plain<Nearest>();
  reg["cloud_only"] = plain<CloudOnly>();
  reg["device_only"] = plain<DeviceOnly>();
}

}  // namespace edgefleet::scheduler
