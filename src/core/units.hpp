#pragma once
// Quantities with units, parsed once at load. Internally every value is in SI base units:
// bytes, seconds, bit/s, flop/s, flop, watt, joule, US dollars (and $/kWh, $/hour for prices).
#include <optional>
#include <string>
#include <string_view>

namespace edgefleet::core {

enum class Dimension {
  kBytes,           // "100MB", "1.5GiB", bare = bytes
  kSeconds,         // "20ms", "1.5h", bare = seconds
  kBitsPerSecond,   // "1Gbps", "54Mbps", "10MB/s", bare = bit/s
  kFlopsPerSecond,  // "5GFLOPS", "20Gf", bare = flop/s
  kFlops,           // "4.1GFLOP", bare = flop
  kWatts,           // "12W", "500mW"
  kWattHours,       // "15Wh", "3.7kWh"
  kUsd,             // "$35", "35USD"
  kUsdPerKwh,       // "$0.12/kWh"
  kUsdPerHour,      // "$3.06/h"
  kPerSecond,       // "10/s", "600/min", "2Hz"
  kCores,           // "500m" (millicores), "2"
  kDimensionless,   // plain numbers only
};

const char* dimension_name(Dimension d);

// Parses "100MB" etc. into the base unit of `d`. Returns nullopt with `why` set on failure.
std::optional<double> parse_quantity(std::string_view text, Dimension d, std::string* why);

// Formats a base-unit value for humans ("20 ms", "1.25 Gbps"), stable across runs.
std::string format_quantity(double value, Dimension d);

}  // namespace edgefleet::core
