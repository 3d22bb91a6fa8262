#include "core/units.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace edgefleet::core {
namespace {

struct UnitSuffix {
  std::string_view suffix;
  double factor;  // to the base unit
};

// Suffixes are matched exactly (case-sensitive where SI needs it: "mW" vs "MW", "Mb" vs "MB").
const std::vector<UnitSuffix>& suffixes(Dimension d) {
  static const std::vector<UnitSuffix> bytes = {{"B", 1},
                                                {"kB", 1e3},
                                                {"KB", 1e3},
                                                {"MB", 1e6},
                                                {"GB", 1e9},
                                                {"TB", 1e12},
                                                {"KiB", 1024.0},
                                                {"MiB", 1048576.0},
                                                {"GiB", 1073741824.0},
                                                {"TiB", 1099511627776.0},
                                                {"bytes", 1}};
  static const std::vector<UnitSuffix> seconds = {
      {"s", 1}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}, {"min", 60}, {"h", 3600}, {"d", 86400}};
  static const std::vector<UnitSuffix> bits_per_s = {
      {"bps", 1}, {"kbps", 1e3}, {"Kbps", 1e3}, {"Mbps", 1e6}, {"Gbps", 1e9}, {"Tbps", 1e12},
      {"B/s", 8}, {"kB/s", 8e3}, {"KB/s", 8e3}, {"MB/s", 8e6}, {"GB/s", 8e9}};
  static const std::vector<UnitSuffix> flops_per_s = {
      {"FLOPS", 1}, {"kFLOPS", 1e3}, {"MFLOPS", 1e6}, {"GFLOPS", 1e9}, {"TFLOPS", 1e12},
      {"f", 1},     {"kf", 1e3},     {"Mf", 1e6},     {"Gf", 1e9},     {"Tf", 1e12}};
  static const std::vector<UnitSuffix> flops = {
      {"FLOP", 1}, {"kFLOP", 1e3}, {"MFLOP", 1e6}, {"GFLOP", 1e9}, {"TFLOP", 1e12}};
  static const std::vector<UnitSuffix> watts = {{"W", 1}, {"mW", 1e-3}, {"kW", 1e3}};
  static const std::vector<UnitSuffix> watt_hours = {{"Wh", 1}, {"mWh", 1e-3}, {"kWh", 1e3}};
  static const std::vector<UnitSuffix> usd = {{"USD", 1}};
  static const std::vector<UnitSuffix> usd_per_kwh = {{"/kWh", 1}, {"USD/kWh", 1}};
  static const std::vector<UnitSuffix> usd_per_hour = {
      {"/h", 1}, {"/hour", 1}, {"USD/h", 1}, {"/month", 1.0 / 730.0}};
  static const std::vector<UnitSuffix> per_second = {
      {"/s", 1}, {"Hz", 1}, {"/min", 1.0 / 60}, {"/h", 1.0 / 3600}};
  static const std::vector<UnitSuffix> cores = {{"m", 1e-3}};
  static const std::vector<UnitSuffix> none = {};
  switch (d) {
    case Dimension::kBytes:
      return bytes;
    case Dimension::kSeconds:
      return seconds;
    case Dimension::kBitsPerSecond:
      return bits_per_s;
    case Dimension::kFlopsPerSecond:
      return flops_per_s;
    case Dimension::kFlops:
      return flops;
    case Dimension::kWatts:
      return watts;
    case Dimension::kWattHours:
      return watt_hours;
    case Dimension::kUsd:
      return usd;
    case Dimension::kUsdPerKwh:
      return usd_per_kwh;
    case Dimension::kUsdPerHour:
      return usd_per_hour;
    case Dimension::kPerSecond:
      return per_second;
    case Dimension::kCores:
      return cores;
    case Dimension::kDimensionless:
      return none;
  }
  return none;
}

bool is_money(Dimension d) {
  return d == Dimension::kUsd || d == Dimension::kUsdPerKwh || d == Dimension::kUsdPerHour;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string known_suffixes(Dimension d) {
  std::string out;
  for (const auto& s : suffixes(d)) {
    if (!out.empty()) out += ", ";
    out += s.suffix;
  }
  return out;
}

}  // namespace

const char* dimension_name(Dimension d) {
  switch (d) {
    case Dimension::kBytes:
      return "bytes";
    case Dimension::kSeconds:
      return "seconds";
    case Dimension::kBitsPerSecond:
      return "bit/s";
    case Dimension::kFlopsPerSecond:
      return "flop/s";
    case Dimension::kFlops:
      return "flop";
    case Dimension::kWatts:
      return "watts";
    case Dimension::kWattHours:
      return "watt-hours";
    case Dimension::kUsd:
      return "USD";
    case Dimension::kUsdPerKwh:
      return "USD/kWh";
    case Dimension::kUsdPerHour:
      return "USD/hour";
    case Dimension::kPerSecond:
      return "1/s";
    case Dimension::kCores:
      return "cores";
    case Dimension::kDimensionless:
      return "number";
  }
  return "?";
}

std::optional<double> parse_quantity(std::string_view text, Dimension d, std::string* why) {
  auto fail = [&](std::string reason) -> std::optional<double> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  std::string_view s = trim(text);
  const std::string original(s);
  if (is_money(d) && !s.empty() && s.front() == '$') s.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data()) {
    return fail("cannot parse \"" + original + "\" as a quantity in " + dimension_name(d));
  }
  std::string_view suffix = trim(std::string_view(end, s.data() + s.size() - end));
  if (!std::isfinite(value)) return fail("\"" + original + "\" is not a finite number");
  if (suffix.empty()) return value;
  for (const auto& u : suffixes(d)) {
    if (u.suffix == suffix) return value * u.factor;
  }
  std::string known = known_suffixes(d);
  return fail(
      "unknown unit \"" + std::string(suffix) + "\" for " + dimension_name(d) +
      (known.empty() ? std::string(" (plain number expected)") : " (known: " + known + ")"));
}

std::string format_quantity(double value, Dimension d) {
  struct Scale {
    double factor;
    const char* unit;
  };
  auto pick = [&](std::initializer_list<Scale> scales) {
    Scale chosen = *scales.begin();
    for (const auto& s : scales) {
      if (std::fabs(value) >= s.factor) chosen = s;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g %s", value / chosen.factor, chosen.unit);
    return std::string(buf);
  };
  switch (d) {
    case Dimension::kBytes:
      return pick({{1, "B"}, {1e3, "kB"}, {1e6, "MB"}, {1e9, "GB"}, {1e12, "TB"}});
    case Dimension::kSeconds:
      return pick({{1e-9, "ns"}, {1e-6, "us"}, {1e-3, "ms"}, {1, "s"}});
    case Dimension::kBitsPerSecond:
      return pick({{1, "bps"}, {1e3, "kbps"}, {1e6, "Mbps"}, {1e9, "Gbps"}, {1e12, "Tbps"}});
    case Dimension::kFlopsPerSecond:
      return pick({{1, "FLOPS"}, {1e6, "MFLOPS"}, {1e9, "GFLOPS"}, {1e12, "TFLOPS"}});
    case Dimension::kFlops:
      return pick({{1, "FLOP"}, {1e6, "MFLOP"}, {1e9, "GFLOP"}, {1e12, "TFLOP"}});
    case Dimension::kWatts:
      return pick({{1e-3, "mW"}, {1, "W"}, {1e3, "kW"}});
    case Dimension::kWattHours:
      return pick({{1e-3, "mWh"}, {1, "Wh"}, {1e3, "kWh"}});
    default: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.6g %s", value, dimension_name(d));
      return buf;
    }
  }
}

}  // namespace edgefleet::core
