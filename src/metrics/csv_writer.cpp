#include "metrics/csv_writer.hpp"

#include <stdexcept>

#include "metrics/number_format.hpp"

namespace edgefleet::metrics {

std::string csv_escape(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

CsvWriter::CsvWriter(std::ostream& out, std::vector<std::string> header)
    : out_(out), columns_(header.size()) {
  if (header.empty()) throw std::invalid_argument("CsvWriter: empty header");
  for (const std::string& name : header) field(name);
  in_row_ = 0;
  out_ << '\n';
}

CsvWriter& CsvWriter::raw(std::string_view text) {
  if (in_row_ > 0) out_ << ',';
  out_ << text;
  ++in_row_;
  return *this;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  return raw(csv_escape(text));
}

CsvWriter& CsvWriter::field(double value) {
  return raw(format_number(value));
}

void CsvWriter::end_row() {
  if (in_row_ != columns_) {
    throw std::logic_error("CsvWriter: row has " + std::to_string(in_row_) +
                           " fields, header has " + std::to_string(columns_));
  }
  out_ << '\n';
  in_row_ = 0;
  ++rows_;
}

std::vector<std::string> latency_csv_columns() {
  return {"count", "mean_s", "min_s", "p50_s", "p90_s", "p95_s", "p99_s", "max_s"};
}

void append_latency_fields(CsvWriter& w, const LatencyStats& s) {
  w.field(s.count).field(s.mean_s).field(s.min_s).field(s.p50_s).field(s.p90_s).field(s.p95_s);
  w.field(s.p99_s).field(s.max_s);
}

}  // namespace edgefleet::metrics
