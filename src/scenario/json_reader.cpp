#include "scenario/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/input_error.hpp"

namespace edgefleet::scenario {

using core::InputError;

std::string json_pointer_child(const std::string& parent, std::string_view key) {
  std::string out = parent + "/";
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string json_pointer_index(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

std::string json_type_name(const Json& j) {
  if (j.is_number_integer() || j.is_number_unsigned()) return "integer";
  if (j.is_number_float()) return "number";
  return j.type_name();
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string format_number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

void check_bound(double v, Bound bound, const std::string& path, const std::string& shown) {
  if (bound == Bound::kPositive && !(v > 0)) {
    throw InputError(path, "must be > 0 (got " + shown + ")");
  }
  if (bound == Bound::kNonNegative && !(v >= 0)) {
    throw InputError(path, "must be >= 0 (got " + shown + ")");
  }
}

}  // namespace

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

double parse_quantity_value(const Json& value, core::Dimension d, const std::string& path,
                            Bound bound) {
  double v = 0;
  std::string shown;
  if (value.is_number()) {
    v = value.get<double>();
    shown = format_number(v);
  } else if (value.is_string()) {
    std::string why;
    const auto& text = value.get_ref<const std::string&>();
    auto parsed = core::parse_quantity(text, d, &why);
    if (!parsed) throw InputError(path, why);
    v = *parsed;
    shown = "\"" + text + "\"";
  } else {
    throw InputError(path, std::string("expected a number or a quantity string in ") +
                               core::dimension_name(d) + ", got " + json_type_name(value));
  }
  check_bound(v, bound, path, shown);
  return v;
}

core::Distribution parse_distribution_value(const Json& value, core::Dimension d,
                                            const std::string& path, Bound bound) {
  using Kind = core::Distribution::Kind;
  if (!value.is_object()) {
    return core::Distribution::constant(parse_quantity_value(value, d, path, bound));
  }
  ObjectReader r(value, path);
  const std::string kind = r.string("distribution");
  core::Distribution dist;
  if (kind == "constant") {
    dist = core::Distribution::constant(r.quantity("value", d, std::nullopt, bound));
  } else if (kind == "uniform") {
    dist.kind = Kind::kUniform;
    dist.min = r.quantity("min", d, std::nullopt, bound);
    dist.max = r.quantity("max", d, std::nullopt, bound);
    if (dist.max < dist.min) throw InputError(r.path_of("max"), "must be >= min");
  } else if (kind == "normal") {
    dist.kind = Kind::kNormal;
    dist.mean = r.quantity("mean", d, std::nullopt, bound);
    dist.stddev = r.quantity("stddev", d, std::nullopt, Bound::kNonNegative);
  } else if (kind == "lognormal") {
    // mu and sigma are of the underlying normal, in log(base unit): plain numbers.
    dist.kind = Kind::kLogNormal;
    dist.mu = r.number("mu", std::nullopt, -700, 700);
    dist.sigma = r.number("sigma", std::nullopt, 0, 100);
  } else if (kind == "empirical") {
    dist.kind = Kind::kEmpirical;
    const Json& values = r.array("values");
    if (values.empty()) throw InputError(r.path_of("values"), "must not be empty");
    for (std::size_t i = 0; i < values.size(); ++i) {
      dist.values.push_back(
          parse_quantity_value(values[i], d, json_pointer_index(r.path_of("values"), i), bound));
    }
  } else {
    throw InputError(r.path_of("distribution"),
                     "unknown distribution \"" + kind +
                         "\" (known: constant, uniform, normal, lognormal, empirical)");
  }
  r.finish();
  return dist;
}

ObjectReader::ObjectReader(const Json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) {
    throw InputError(path_, "expected an object, got " + json_type_name(object_));
  }
}

void ObjectReader::remember(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

bool ObjectReader::has(std::string_view key) {
  remember(key);
  return object_.contains(key);
}

const Json* ObjectReader::get(std::string_view key) {
  remember(key);
  auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

const Json& ObjectReader::require(std::string_view key) {
  const Json* v = get(key);
  if (!v) throw InputError(path_of(key), "required field is missing");
  return *v;
}

std::string ObjectReader::string(std::string_view key, std::optional<std::string> fallback) {
  const Json* v = get(key);
  if (!v) {
    if (fallback) return *fallback;
    throw InputError(path_of(key), "required field is missing");
  }
  if (!v->is_string()) {
    throw InputError(path_of(key), "expected a string, got " + json_type_name(*v));
  }
  return v->get<std::string>();
}

bool ObjectReader::boolean(std::string_view key, std::optional<bool> fallback) {
  const Json* v = get(key);
  if (!v) {
    if (fallback) return *fallback;
    throw InputError(path_of(key), "required field is missing");
  }
  if (!v->is_boolean()) {
    throw InputError(path_of(key), "expected true or false, got " + json_type_name(*v));
  }
  return v->get<bool>();
}

std::int64_t ObjectReader::integer(std::string_view key, std::optional<std::int64_t> fallback,
                                   std::int64_t min_value) {
  const Json* v = get(key);
  if (!v) {
    if (fallback) return *fallback;
    throw InputError(path_of(key), "required field is missing");
  }
  const bool integral_float =
      v->is_number_float() && std::floor(v->get<double>()) == v->get<double>();
  if (!v->is_number_integer() && !integral_float) {
    throw InputError(path_of(key), "expected an integer, got " + json_type_name(*v));
  }
  const auto value = v->get<std::int64_t>();
  if (value < min_value) {
    throw InputError(path_of(key), "must be >= " + std::to_string(min_value) + " (got " +
                                       std::to_string(value) + ")");
  }
  return value;
}

double ObjectReader::number(std::string_view key, std::optional<double> fallback, double min_value,
                            double max_value) {
  const Json* v = get(key);
  if (!v) {
    if (fallback) return *fallback;
    throw InputError(path_of(key), "required field is missing");
  }
  if (!v->is_number()) {
    throw InputError(path_of(key), "expected a number, got " + json_type_name(*v));
  }
  const double value = v->get<double>();
  if (value < min_value || value > max_value) {
    throw InputError(path_of(key), "must be in [" + format_number(min_value) + ", " +
                                       format_number(max_value) + "] (got " + format_number(value) +
                                       ")");
  }
  return value;
}

double ObjectReader::quantity(std::string_view key, core::Dimension d,
                              std::optional<double> fallback, Bound bound) {
  const Json* v = get(key);
  if (!v) {
    if (fallback) return *fallback;
    throw InputError(path_of(key), "required field is missing");
  }
  return parse_quantity_value(*v, d, path_of(key), bound);
}

core::Distribution ObjectReader::distribution(std::string_view key, core::Dimension d,
                                              std::optional<double> fallback, Bound bound) {
  const Json* v = get(key);
  if (!v) {
    if (fallback) return core::Distribution::constant(*fallback);
    throw InputError(path_of(key), "required field is missing");
  }
  return parse_distribution_value(*v, d, path_of(key), bound);
}

ObjectReader ObjectReader::object(std::string_view key) {
  return ObjectReader(require(key), path_of(key));
}

const Json& ObjectReader::array(std::string_view key) {
  const Json& v = require(key);
  if (!v.is_array()) {
    throw InputError(path_of(key), "expected an array, got " + json_type_name(v));
  }
  return v;
}

void ObjectReader::finish() const {
  for (const auto& [key, value] : object_.items()) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::string reason = "unknown key \"" + key + "\"";
    const std::string suggestion = closest_name(key, known_);
    if (!suggestion.empty())
      reason += " (did you mean \"" + suggestion + "\"?)";
    else
      reason += " (known: " + join_names(known_) + ")";
    throw InputError(json_pointer_child(path_, key), reason);
  }
}

}  // namespace edgefleet::scenario
