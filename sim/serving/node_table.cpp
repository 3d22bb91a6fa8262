#include "sim/serving/node_table.hpp"

#include <algorithm>
#include <limits>

namespace edgefleet::sim::serving {

using core::Tier;

NodeTable::NodeTable(const Fleet& fleet) : fleet_(fleet) {
  // Cloud first so that small ids are the few shared nodes; devices last.
  const std::array<Tier, 4> order = {Tier::kCloud, Tier::kFog, Tier::kEdge, Tier::kDevice};
  std::int64_t next = 0;
  for (Tier t : order) {
    first_[static_cast<int>(t)] = next;
    count_[static_cast<int>(t)] = static_cast<std::int64_t>(fleet.tier(t).size());
    next += count_[static_cast<int>(t)];
  }
  total_ = next;
}

Tier NodeTable::tier(NodeId n) const {
  if (n >= first_[static_cast<int>(Tier::kDevice)]) return Tier::kDevice;
  if (n >= first_[static_cast<int>(Tier::kEdge)]) return Tier::kEdge;
  if (n >= first_[static_cast<int>(Tier::kFog)]) return Tier::kFog;
  return Tier::kCloud;
}

simgrid::s4u::Host* NodeTable::host(NodeId n) const {
  return hosts(tier(n)).host[index(n)];
}
double NodeTable::speed_flops(NodeId n) const {
  return hosts(tier(n)).speed_flops[index(n)];
}
int NodeTable::cores(NodeId n) const {
  return hosts(tier(n)).cores[index(n)];
}
double NodeTable::memory_bytes(NodeId n) const {
  return hosts(tier(n)).memory_bytes[index(n)];
}

int NodeTable::common_level(NodeId a, NodeId b) const {
  // The lowest level at which both ends have the same ancestor; 3 (cloud) when none below.
  // Climbs the lower end to the higher one's level, then both together (a hot path: the
  // policy view asks it for every node, on every request).
  int ta = static_cast<int>(tier(a)), tb = static_cast<int>(tier(b));
  std::int64_t ia = index(a), ib = index(b);
  const auto up = [this](int& t, std::int64_t& i) {
    if (t == static_cast<int>(Tier::kDevice))
      i = fleet_.device_edge[i];
    else if (t == static_cast<int>(Tier::kEdge))
      i = fleet_.edge_fog[i];
    ++t;
  };
  while (ta < tb) up(ta, ia);
  while (tb < ta) up(tb, ib);
  while (ta < 3 && ia != ib) {
    up(ta, ia);
    up(tb, ib);
  }
  return ta;
}

std::array<std::uint8_t, 3> NodeTable::links_crossed(NodeId a, NodeId b) const {
  if (a == b) return {};
  return crossed_below(a, b, common_level(a, b));
}

std::array<std::uint8_t, 3> NodeTable::crossed_below(NodeId a, NodeId b, int common) const {
  std::array<std::uint8_t, 3> crossed{};
  const int ta = static_cast<int>(tier(a));
  const int tb = static_cast<int>(tier(b));
  for (int k = ta; k < common; ++k) ++crossed[k];
  for (int k = tb; k < common; ++k) ++crossed[k];
  return crossed;
}

RouteFigures NodeTable::route(NodeId a, NodeId b) const {
  RouteFigures out;
  double latency = 0;
  double bottleneck = std::numeric_limits<double>::infinity();
  if (a != b) {
    // Climb each end to the common level, adding its uplinks; cloud hosts add their datacenter
    // link.
    auto climb = [&](NodeId n, int common) {
      Tier t = tier(n);
      std::int64_t i = index(n);
      while (static_cast<int>(t) < common) {
        const TierHosts& h = hosts(t);
        latency += h.uplink_latency_s[i];
        bottleneck = std::min(bottleneck, h.uplink_bandwidth_bps[i]);
        if (t == Tier::kDevice)
          i = fleet_.device_edge[i], t = Tier::kEdge;
        else if (t == Tier::kEdge)
          i = fleet_.edge_fog[i], t = Tier::kFog;
        else
          t = Tier::kCloud;
      }
      if (t == Tier::kCloud && tier(n) == Tier::kCloud) {
        latency += hosts(Tier::kCloud).uplink_latency_s[i];
        bottleneck = std::min(bottleneck, hosts(Tier::kCloud).uplink_bandwidth_bps[i]);
      }
    };
    const int common = common_level(a, b);
    climb(a, common);
    climb(b, common);
    out.crossed = crossed_below(a, b, common);
  }
  out.latency_s = latency;
  out.bottleneck_bps = bottleneck;
  return out;
}

}  // namespace edgefleet::sim::serving
