#pragma once
// The simulated fleet as data: host pointers and per-entity facts in flat arrays indexed by
// tier-local ids. Devices are never actors (DESIGN principle 5): a device is an index.
#include <cstdint>
#include <vector>

#include "core/tier.hpp"

namespace simgrid::s4u {
class Host;
}

namespace edgefleet::sim {

// Facts per host of one tier. Arrays are parallel and indexed by the tier-local id.
struct TierHosts {
  std::vector<simgrid::s4u::Host*> host;
  std::vector<double> speed_flops;  // whole host, drawn per host
  std::vector<int> cores;
  std::vector<double> memory_bytes;
  // The host's uplink towards its parent (device->edge, edge->fog, fog->cloud, cloud: datacenter).
  std::vector<double> uplink_bandwidth_bps;
  std::vector<double> uplink_latency_s;
  std::vector<int> region;       // index into Scenario::regions (-1 for cloud)
  std::vector<int> group_class;  // which NodeGroup (region index, or 0 for cloud)

  std::size_t size() const { return host.size(); }
};

struct Fleet {
  TierHosts device, edge, fog, cloud;
  std::vector<std::int32_t> device_edge;        // device -> its edge
  std::vector<std::int32_t> edge_fog;           // edge -> its fog
  std::vector<std::int64_t> edge_first_device;  // devices of edge e: [first, first + count)
  std::vector<std::int32_t> edge_device_count;
  std::vector<std::int32_t> fog_first_edge;  // edges of fog f: [first, first + count)
  std::vector<std::int32_t> fog_edge_count;

  TierHosts& tier(core::Tier t);
  const TierHosts& tier(core::Tier t) const;
  std::size_t host_count() const { return device.size() + edge.size() + fog.size() + cloud.size(); }
};

}  // namespace edgefleet::sim
