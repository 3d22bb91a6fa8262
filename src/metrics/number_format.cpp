#include "metrics/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace edgefleet::metrics {

std::string format_number(double value) {
  if (!std::isfinite(value)) return {};
  // general format, 9 significant digits: same choice of fixed/scientific as printf's %g.
  std::array<char, 64> buf{};
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::general,
                           kOutputSignificantDigits);
  if (res.ec != std::errc{}) return {};  // cannot happen with 64 chars; keeps -Wall quiet
  if (value == 0.0) return "0";          // fold -0 into 0: a sign on zero is noise in a report
  return std::string(buf.data(), res.ptr);
}

double round_to_output_precision(double value) {
  if (!std::isfinite(value)) return value;
  const std::string text = format_number(value);
  double out = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

std::string format_fixed(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::array<char, 400> buf{};  // fixed notation of 1e308 needs ~310 chars
  auto res =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  if (res.ec != std::errc{}) return "n/a";
  std::string out(buf.data(), res.ptr);
  if (out.size() > 1 && out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) {
    out.erase(0, 1);  // "-0.0" -> "0.0"
  }
  return out;
}

}  // namespace edgefleet::metrics
