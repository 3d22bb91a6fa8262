#include "scenario/catalog.hpp"

#include "core/input_error.hpp"

namespace edgefleet::embedded {
extern const char* const hardware_catalog;
extern const char* const zoo_catalog;
}  // namespace edgefleet::embedded

namespace edgefleet::scenario {

using core::Dimension;
using core::InputError;

const ModelVariant* ModelSpec::variant(std::string_view variant_name) const {
  for (const auto& v : variants) {
    if (v.name == variant_name) return &v;
  }
  return nullptr;
}

const HardwareClass* Catalog::find_hardware(std::string_view name) const {
  for (const auto& h : hardware) {
    if (h.name == name) return &h;
  }
  return nullptr;
}

const ModelSpec* Catalog::find_model(std::string_view name) const {
  for (const auto& m : models) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::vector<std::string> Catalog::hardware_names() const {
  std::vector<std::string> out;
  for (const auto& h : hardware) out.push_back(h.name);
  return out;
}

std::vector<std::string> Catalog::model_names() const {
  std::vector<std::string> out;
  for (const auto& m : models) out.push_back(m.name);
  return out;
}

HardwareClass parse_hardware_class(const Json& j, const std::string& path) {
  ObjectReader r(j, path);
  HardwareClass h;
  h.name = r.string("name");
  h.typical_tier = r.string("tier", "edge");
  h.description = r.string("description", "");
  h.speed_flops = r.quantity("gflops", Dimension::kFlopsPerSecond, std::nullopt, Bound::kPositive);
  h.cores = static_cast<int>(r.integer("cores", 1, 1));
  h.memory_bytes = r.quantity("memory", Dimension::kBytes, std::nullopt, Bound::kPositive);
  h.idle_power_w = r.quantity("idle_power", Dimension::kWatts, 0.0, Bound::kNonNegative);
  h.peak_power_w = r.quantity("peak_power", Dimension::kWatts, h.idle_power_w, Bound::kNonNegative);
  if (h.peak_power_w < h.idle_power_w) {
    throw InputError(r.path_of("peak_power"), "must be >= idle_power");
  }
  h.purchase_usd = r.quantity("purchase_price", Dimension::kUsd, 0.0, Bound::kNonNegative);
  h.usd_per_hour = r.quantity("hourly_price", Dimension::kUsdPerHour, 0.0, Bound::kNonNegative);
  h.battery_wh = r.quantity("battery_capacity", Dimension::kWattHours, 0.0, Bound::kNonNegative);
  r.string("accelerator", "");
  h.source = r.string("source", "");
  r.finish();
  return h;
}

ModelSpec parse_model_spec(const Json& j, const std::string& path) {
  ObjectReader r(j, path);
  ModelSpec m;
  m.name = r.string("name");
  m.task = r.string("task", "");
  m.metric = r.string("metric", "accuracy");
  m.input_bytes = r.quantity("input_bytes", Dimension::kBytes, std::nullopt, Bound::kNonNegative);
  m.output_bytes = r.quantity("output_bytes", Dimension::kBytes, std::nullopt, Bound::kNonNegative);
  m.source = r.string("source", "");
  r.string("notes", "");
  const Json& variants = r.array("variants");
  const std::string vpath = r.path_of("variants");
  for (std::size_t i = 0; i < variants.size(); ++i) {
    ObjectReader v(variants[i], json_pointer_index(vpath, i));
    ModelVariant mv;
    mv.name = v.string("name");
    mv.flops = v.quantity("flops", Dimension::kFlops, std::nullopt, Bound::kPositive);
    mv.params = v.number("params", 0.0, 0, 1e15);
    mv.bytes = v.quantity("bytes", Dimension::kBytes, std::nullopt, Bound::kPositive);
    mv.accuracy = v.number("accuracy", std::nullopt, 0, 1);
    v.string("source", "");
    v.string("notes", "");
    v.finish();
    m.variants.push_back(mv);
  }
  if (!m.variant("fp32")) throw InputError(vpath, "a model needs an \"fp32\" variant");
  if (const Json* layers = r.get("layers")) {
    const std::string lpath = r.path_of("layers");
    if (!layers->is_array()) throw InputError(lpath, "expected an array");
    for (std::size_t i = 0; i < layers->size(); ++i) {
      ObjectReader l((*layers)[i], json_pointer_index(lpath, i));
      ModelLayer ml;
      ml.name = l.string("name");
      ml.flops = l.quantity("flops", Dimension::kFlops, std::nullopt, Bound::kNonNegative);
      ml.output_bytes =
          l.quantity("output_bytes", Dimension::kBytes, std::nullopt, Bound::kPositive);
      l.finish();
      m.layers.push_back(ml);
    }
  }
  r.finish();
  return m;
}

Catalog parse_catalog(const Json& hardware_file, const Json& zoo_file) {
  Catalog c;
  {
    ObjectReader r(hardware_file, "");
    r.integer("schema_version", std::nullopt, 1);
    r.string("notes", "");
    const Json& classes = r.array("classes");
    for (std::size_t i = 0; i < classes.size(); ++i) {
      c.hardware.push_back(parse_hardware_class(classes[i], json_pointer_index("/classes", i)));
    }
    r.finish();
  }
  {
    ObjectReader r(zoo_file, "");
    r.integer("schema_version", std::nullopt, 1);
    r.string("notes", "");
    const Json& models = r.array("models");
    for (std::size_t i = 0; i < models.size(); ++i) {
      c.models.push_back(parse_model_spec(models[i], json_pointer_index("/models", i)));
    }
    r.finish();
  }
  return c;
}

const Catalog& builtin_catalog() {
  static const Catalog catalog = [] {
    try {
      return parse_catalog(Json::parse(embedded::hardware_catalog),
                           Json::parse(embedded::zoo_catalog));
    } catch (const InputError& e) {
      // A broken built-in catalog is a build defect; tests load it, so this never ships.
      throw InputError("catalog" + e.json_path(), e.reason());
    }
  }();
  return catalog;
}

Json to_json(const HardwareClass& h) {
  Json j = Json::object();
  j["name"] = h.name;
  j["gflops"] = h.speed_flops / 1e9;
  j["cores"] = h.cores;
  j["memory_bytes"] = h.memory_bytes;
  j["idle_power_w"] = h.idle_power_w;
  j["peak_power_w"] = h.peak_power_w;
  j["purchase_usd"] = h.purchase_usd;
  j["usd_per_hour"] = h.usd_per_hour;
  j["battery_wh"] = h.battery_wh;
  return j;
}

Json to_json(const ModelSpec& m) {
  Json j = Json::object();
  j["name"] = m.name;
  j["task"] = m.task;
  j["metric"] = m.metric;
  j["input_bytes"] = m.input_bytes;
  j["output_bytes"] = m.output_bytes;
  Json variants = Json::array();
  for (const auto& v : m.variants) {
    variants.push_back(
        {{"name", v.name}, {"flops", v.flops}, {"bytes", v.bytes}, {"accuracy", v.accuracy}});
  }
  j["variants"] = variants;
  j["layer_count"] = m.layers.size();
  j["source"] = m.source;
  return j;
}

}  // namespace edgefleet::scenario
