#pragma once
// Reads one JSON object of user input with full validation: every accessor records the key as
// known, converts units, checks bounds and throws core::InputError with the JSON pointer of the
// offending value. `finish()` rejects keys nobody asked for, with a "did you mean" suggestion.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/distribution.hpp"
#include "core/units.hpp"

namespace edgefleet::scenario {

using Json = nlohmann::json;

// Appends an RFC 6901 reference token (escaping '~' and '/').
std::string json_pointer_child(const std::string& parent, std::string_view key);
std::string json_pointer_index(const std::string& parent, std::size_t index);
std::string json_type_name(const Json& j);
// Closest candidate within a small edit distance, or empty.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);
std::string join_names(const std::vector<std::string>& names);

enum class Bound { kAny, kNonNegative, kPositive };

class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string path);

  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return json_pointer_child(path_, key); }
  bool has(std::string_view key);
  // Raw access (marks the key known). nullptr when absent.
  const Json* get(std::string_view key);

  std::string string(std::string_view key, std::optional<std::string> fallback = std::nullopt);
  bool boolean(std::string_view key, std::optional<bool> fallback = std::nullopt);
  std::int64_t integer(std::string_view key, std::optional<std::int64_t> fallback,
                       std::int64_t min_value);
  // Plain number (no unit) in [min_value, max_value].
  double number(std::string_view key, std::optional<double> fallback, double min_value,
                double max_value);
  // Number or unit string in dimension `d`.
  double quantity(std::string_view key, core::Dimension d, std::optional<double> fallback,
                  Bound bound);
  // A quantity, or {"distribution": "uniform|normal|lognormal|empirical", ...}.
  core::Distribution distribution(std::string_view key, core::Dimension d,
                                  std::optional<double> fallback, Bound bound);
  ObjectReader object(std::string_view key);
  const Json& array(std::string_view key);  // required, must be an array

  // Throws on the first unknown key.
  void finish() const;

 private:
  const Json& require(std::string_view key);
  void remember(std::string_view key);

  const Json& object_;
  std::string path_;
  std::vector<std::string> known_;
};

// Free-standing conversions used by ObjectReader and by array readers.
double parse_quantity_value(const Json& value, core::Dimension d, const std::string& path,
                            Bound bound);
core::Distribution parse_distribution_value(const Json& value, core::Dimension d,
                                            const std::string& path, Bound bound);

}  // namespace edgefleet::scenario
