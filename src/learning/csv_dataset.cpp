#include "learning/csv_dataset.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "learning/gz_reader.hpp"

namespace edgefleet::learning {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool blank(std::string_view s) {
  return trim(s).empty();
}

// from_chars: locale-independent and exact, unlike strtod under a non-C locale.
template <typename T>
bool parse_whole(std::string_view field, T& value) {
  field = trim(field);
  if (!field.empty() && field.front() == '+') field.remove_prefix(1);
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  return ec == std::errc() && end == field.data() + field.size() && !field.empty();
}

}  // namespace

Dataset load_csv_dataset(const std::string& path, bool has_header) {
  GzReader in(path);
  std::vector<double> values;  // row-major features
  std::vector<int> labels;
  std::size_t columns = 0;
  std::size_t line_number = 0;
  std::string line;
  const auto fail = [&](const std::string& reason) {
    throw std::runtime_error(path + ":" + std::to_string(line_number) + ": " + reason);
  };
  if (has_header && in.read_line(line)) ++line_number;
  while (in.read_line(line)) {
    ++line_number;
    if (blank(line)) continue;
    std::vector<std::string_view> fields;
    std::string_view rest(line);
    for (std::size_t comma; (comma = rest.find(',')) != std::string_view::npos;) {
      fields.push_back(rest.substr(0, comma));
      rest.remove_prefix(comma + 1);
    }
    fields.push_back(rest);
    if (fields.size() < 2) fail("need at least one feature and a label, got 1 column");
    if (columns == 0) columns = fields.size();
    if (fields.size() != columns)
      fail("expected " + std::to_string(columns) + " columns (as on the first data row), got " +
           std::to_string(fields.size()));
    for (std::size_t j = 0; j + 1 < fields.size(); ++j) {
      double v;
      if (!parse_whole(fields[j], v))
        fail("column " + std::to_string(j + 1) + ": '" + std::string(trim(fields[j])) +
             "' is not a number");
      values.push_back(v);
    }
    long label;
    if (!parse_whole(fields.back(), label) || label < 0 || label > 1'000'000)
      fail("label '" + std::string(trim(fields.back())) +
           "' is not an integer in [0, 1000000] (last column)");
    labels.push_back(static_cast<int>(label));
  }
  if (labels.empty()) throw std::runtime_error(path + ": no data rows");

  Dataset data;
  const auto n = static_cast<Eigen::Index>(labels.size());
  const auto d = static_cast<Eigen::Index>(columns - 1);
  data.features =
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
          values.data(), n, d)
          .cast<float>();  // parsed in double, stored as the dataset's float
  data.labels = std::move(labels);
  data.num_classes = *std::max_element(data.labels.begin(), data.labels.end()) + 1;
  return data;
}

}  // namespace edgefleet::learning
