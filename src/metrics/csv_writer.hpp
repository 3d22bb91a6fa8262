#pragma once
// CSV output: a header row, then rows with exactly as many fields.
//
// Format (document in docs/outputs.md):
//   - fields are quoted per RFC 4180 when they contain a comma, a double quote, CR or LF
//     (quotes inside are doubled: a"b -> "a""b"); other fields are written bare;
//   - rows end with "\n" (LF, not RFC 4180's CRLF: friendlier to Unix tools; pandas, R and
//     spreadsheets read both);
//   - doubles use format_number(): 9 significant digits, locale-independent; NaN/inf -> empty;
//   - integers are written in full.
#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/latency_summary.hpp"

namespace edgefleet::metrics {

// `text` as one RFC 4180 field (quoted only if needed).
std::string csv_escape(std::string_view text);

class CsvWriter {
 public:
  // Writes the header row at once. Throws std::invalid_argument for an empty header.
  CsvWriter(std::ostream& out, std::vector<std::string> header);

  CsvWriter& field(std::string_view text);
  CsvWriter& field(const char* text) { return field(std::string_view(text)); }
  CsvWriter& field(double value);
  template <std::integral T>
  CsvWriter& field(T value) {
    return raw(std::to_string(value));  // integers: std::to_string is exact and locale-free
  }
  // Ends the row. Throws std::logic_error if the row has a different number of fields than
  // the header (a writer bug, caught in tests rather than in a user's spreadsheet).
  void end_row();

  std::size_t columns() const { return columns_; }
  std::size_t rows_written() const { return rows_; }

 private:
  CsvWriter& raw(std::string_view already_escaped);

  std::ostream& out_;
  std::size_t columns_;
  std::size_t in_row_ = 0;  // fields written in the current row
  std::size_t rows_ = 0;    // data rows completed (header excluded)
};

// Column names of a LatencyStats, in the order append_latency_fields writes them:
// count, mean_s, min_s, p50_s, p90_s, p95_s, p99_s, max_s.
std::vector<std::string> latency_csv_columns();
void append_latency_fields(CsvWriter& w, const LatencyStats& s);

}  // namespace edgefleet::metrics
