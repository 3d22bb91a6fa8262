#include "scenario/scenario.hpp"

namespace edgefleet::scenario {

std::int64_t Scenario::device_count() const {
  std::int64_t n = 0;
  for (const auto& r : regions) n += r.device_count();
  return n;
}

std::int64_t Scenario::edge_count() const {
  std::int64_t n = 0;
  for (const auto& r : regions) n += r.edge_count();
  return n;
}

std::int64_t Scenario::fog_count() const {
  std::int64_t n = 0;
  for (const auto& r : regions) n += r.fog_count;
  return n;
}

const ModelSpec* Scenario::find_model(std::string_view model_name) const {
  for (const auto& m : models) {
    if (m.name == model_name) return &m;
  }
  return nullptr;
}

}  // namespace edgefleet::scenario
