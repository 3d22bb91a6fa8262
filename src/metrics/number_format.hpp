#pragma once
// Deterministic, locale-independent number formatting for every output file.
//
// Why not snprintf("%.9g") or std::to_string(double)? Both honour the C locale's LC_NUMERIC
// (a host that sets "de_DE" writes "0,5"), and std::to_string uses "%f" (6 fixed decimals).
// std::to_chars is specified to be locale-independent, so it is the one primitive used here.
//
// Convention (documented for docs/outputs.md):
//   - doubles are written with 9 significant digits, shortest form ("%.9g"-style: 0.5, 1e-09,
//     123456789, 1.23456789e+10), so the same inputs give byte-identical files on every host;
//   - non-finite values (NaN, +/-inf) have no number: an empty CSV field, a JSON null.
#include <cstdint>
#include <string>

namespace edgefleet::metrics {

// Significant digits for every double written to an output file.
inline constexpr int kOutputSignificantDigits = 9;

// "%.9g"-equivalent text for a finite value; "" for NaN/inf.
std::string format_number(double value);

// `value` rounded to kOutputSignificantDigits (round-trips through format_number exactly);
// non-finite values are returned unchanged. Used so JSON and CSV carry the same digits.
double round_to_output_precision(double value);

// Fixed-point text with `decimals` digits after the point (for human-readable reasons:
// "91.2%", "120.0 ms"); "n/a" for NaN, "inf"/"-inf" for infinities. Locale-independent.
std::string format_fixed(double value, int decimals);

}  // namespace edgefleet::metrics
