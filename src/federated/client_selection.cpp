#include "federated/client_selection.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "scenario/named_factory.hpp"

namespace edgefleet::federated {

namespace {

// The first `count` ids of a uniformly random permutation (partial Fisher–Yates): every subset of
// that size is equally likely, in the order drawn. Index j = i + floor(u (m - i)) with u from
// core::uniform01, so the draws are the same on every platform.
std::vector<std::int64_t> sample_without_replacement(std::vector<std::int64_t> ids,
                                                     std::size_t count, core::Rng& rng) {
  const std::size_t m = ids.size();
  count = std::min(count, m);
  for (std::size_t i = 0; i < count; ++i) {
    const auto offset = static_cast<std::size_t>(core::uniform01(rng) * static_cast<double>(m - i));
    std::swap(ids[i], ids[i + std::min(offset, m - i - 1)]);
  }
  ids.resize(count);
  return ids;
}

using Eligible = std::function<bool(const ClientObservation&)>;

std::vector<std::int64_t> eligible_ids(const std::vector<ClientObservation>& clients,
                                       const Eligible& eligible) {
  std::vector<std::int64_t> ids;
  for (const auto& c : clients)
    if (eligible(c)) ids.push_back(c.id);
  return ids;
}

// Uniform among the eligible clients; starts ceil(factor target) of them and aggregates the
// first `target` to finish (factor 1: no over-commitment).
class UniformAmong final : public ClientSelector {
 public:
  UniformAmong(Eligible eligible, double factor)
      : eligible_(std::move(eligible)), factor_(factor) {}

  Selection select(const std::vector<ClientObservation>& clients, std::size_t target,
                   core::Rng& rng) const override {
    // The slack keeps factor 1.1 with target 10 at 11 (1.1 * 10 = 11.000000000000002).
    const double wanted = factor_ * static_cast<double>(target);
    const auto start = static_cast<std::size_t>(std::ceil(wanted - 1e-9 * std::max(1.0, wanted)));
    Selection s;
    s.clients = sample_without_replacement(eligible_ids(clients, eligible_), start, rng);
    s.keep = std::min(target, s.clients.size());
    return s;
  }

 private:
  Eligible eligible_;
  double factor_;
};

bool any_client(const ClientObservation&) {
  return true;
}
bool online(const ClientObservation& c) {
  return c.online;
}

using Factory = std::function<std::unique_ptr<ClientSelector>(scenario::ObjectReader&)>;

const std::map<std::string, Factory, std::less<>>& registry() {
  static const std::map<std::string, Factory, std::less<>> r = {
      {"uniform",
       [](scenario::ObjectReader&) { return std::make_unique<UniformAmong>(any_client, 1.0); }},
      {"availability_aware",
       [](scenario::ObjectReader&) { return std::make_unique<UniformAmong>(online, 1.0); }},
      {"overcommit",
       [](scenario::ObjectReader& p) {
         return std::make_unique<UniformAmong>(online, p.number("factor", 1.3, 1.0, 100.0));
       }},
      {"battery_aware",
       [](scenario::ObjectReader& p) {
         const double min_battery = p.number("min_battery", 0.2, 0.0, 1.0);
         return std::make_unique<UniformAmong>(
             [min_battery](const ClientObservation& c) {
               return c.online && c.battery_fraction >= min_battery;
             },
             1.0);
       }},
  };
  return r;
}

}  // namespace

std::unique_ptr<ClientSelector> make_client_selector(const std::string& name,
                                                     const nlohmann::json& params,
                                                     const std::string& name_path,
                                                     const std::string& params_path) {
  return scenario::build_named(registry(), "client selector", name, params, name_path, params_path);
}

std::vector<std::string> client_selector_names() {
  return scenario::registry_names(registry());
}

}  // namespace edgefleet::federated
