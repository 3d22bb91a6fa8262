#pragma once
// Hardware classes and ML models, loaded from models/hardware.json and models/zoo.json (embedded
// in the binary) and resolved by name from scenarios.
#include <string>
#include <vector>

#include "scenario/json_reader.hpp"

namespace edgefleet::scenario {

struct HardwareClass {
  std::string name;
  std::string typical_tier;
  std::string description;
  double speed_flops = 0;  // effective inference throughput of the whole host, flop/s
  int cores = 1;
  double memory_bytes = 0;
  double idle_power_w = 0;
  double peak_power_w = 0;
  double purchase_usd = 0;
  double usd_per_hour = 0;  // rented (cloud) hosts
  double battery_wh = 0;    // 0 = mains powered
  std::string source;
};

struct ModelVariant {
  std::string name;  // fp32 | fp16 | int8 | pruned | distilled
  double flops = 0;  // per inference
  double params = 0;
  double bytes = 0;  // weights size: what must fit in memory and cross the wire on deploy
  double accuracy = 0;
};

struct ModelLayer {
  std::string name;
  double flops = 0;
  double output_bytes = 0;  // activation leaving this layer
};

struct ModelSpec {
  std::string name;
  std::string task;
  std::string metric;
  double input_bytes = 0;
  double output_bytes = 0;
  std::vector<ModelVariant> variants;  // fp32 first
  std::vector<ModelLayer> layers;      // empty when no layer table is published
  std::string source;                  // where the figures come from

  const ModelVariant* variant(std::string_view variant_name) const;
};

struct Catalog {
  std::vector<HardwareClass> hardware;
  std::vector<ModelSpec> models;

  const HardwareClass* find_hardware(std::string_view name) const;
  const ModelSpec* find_model(std::string_view name) const;
  std::vector<std::string> hardware_names() const;
  std::vector<std::string> model_names() const;
};

// The catalogs compiled into the binary.
const Catalog& builtin_catalog();

// Parsers shared with inline definitions in scenarios (same field names as the catalog files).
HardwareClass parse_hardware_class(const Json& j, const std::string& path);
ModelSpec parse_model_spec(const Json& j, const std::string& path);
Catalog parse_catalog(const Json& hardware_file, const Json& zoo_file);

Json to_json(const HardwareClass& h);
Json to_json(const ModelSpec& m);

}  // namespace edgefleet::scenario
