#pragma once
// The nodes a placement policy sees around a device, with their route figures from it: the device
// itself, its edge, up to 8 sibling edges under the same fog, the fog, and a window of up to 8
// cloud hosts rotated by device. Built on every request, so the part all devices of an edge share
// is computed once per edge; a request then adds its device's own uplink. The sums run in
// NodeTable::route's order, so the figures are bit-identical to route(device, node).
#include <array>
#include <cstdint>
#include <vector>

#include "sim/fleet.hpp"
#include "sim/serving/node_table.hpp"

namespace edgefleet::sim::serving {

struct ViewNode {
  NodeId id = -1;
  RouteFigures route;
};

class ViewRoutes {
 public:
  static constexpr int kMaxSiblingEdges = 8;
  static constexpr int kMaxCloudHosts = 8;
  static constexpr int kMaxNodes = 2 + kMaxSiblingEdges + 1 + kMaxCloudHosts;

  struct View {
    std::array<ViewNode, kMaxNodes> nodes;
    int count = 0;
    int home_edge = -1;    // index into nodes
    int home_fog = -1;     // index into nodes
    int first_cloud = -1;  // index into nodes, -1 without clouds
  };

  ViewRoutes(const Fleet& fleet, const NodeTable& nodes);

  // Fills `out` for `device` (a device's NodeId), in the order: device, edge, siblings, fog,
  // clouds.
  void view_of(NodeId device, View& out) const;

 private:
  // A node of an edge's shared view: the level where its route meets the device's (1 edge, 2 fog,
  // 3 cloud) and the node's own uplink terms above that level (none for the edge and the fog).
  struct Shared {
    NodeId id;
    std::int8_t level;
    std::int8_t tier;
    double side_latency_s;
    double side_bandwidth_bps;
  };
  Shared shared(NodeId n, int level, double latency_s, double bandwidth_bps) const;

  const Fleet& fleet_;
  const NodeTable& nodes_;
  std::vector<std::int32_t> first_shared_;  // edge e's entries: [first_shared_[e], [e + 1])
  std::vector<Shared> shared_;
};

}  // namespace edgefleet::sim::serving
