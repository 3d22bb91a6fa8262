#pragma once
// Which clients start a federated round, chosen by name from a registry. A selector is a pure
// decision over the clients' observed state; the simulator starts the chosen ones.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.hpp"

namespace edgefleet::federated {

struct ClientObservation {
  std::int64_t id;
  bool online = true;
  double battery_fraction = 1.0;  // in [0, 1]
  double speed_flops = 0;
  double samples = 0;
};

struct Selection {
  std::vector<std::int64_t> clients;  // to start this round, in a deterministic order
  // Aggregate the first `keep` to finish (== clients.size() unless over-committing).
  std::size_t keep = 0;
};

class ClientSelector {
 public:
  virtual ~ClientSelector() = default;
  // Picks up to `target` clients (fewer when not enough are eligible), never one twice.
  virtual Selection select(const std::vector<ClientObservation>& clients, std::size_t target,
                           core::Rng& rng) const = 0;
};

// uniform (among all, online or not, as in FedAvg), availability_aware (uniform among online),
// overcommit {factor >= 1, default 1.3} (ceil(factor target) online clients, keep target),
// battery_aware {min_battery in [0, 1], default 0.2} (uniform among online clients with
// battery_fraction >= min_battery). Unknown name -> core::InputError at name_path listing the
// known ones; bad or unknown parameter -> core::InputError under params_path.
std::unique_ptr<ClientSelector> make_client_selector(const std::string& name,
                                                     const nlohmann::json& params,
                                                     const std::string& name_path,
                                                     const std::string& params_path);
std::vector<std::string> client_selector_names();

}  // namespace edgefleet::federated
