#pragma once
// Exit status contract (README, docs/cli.md): CI pipelines branch on these.
namespace edgefleet::cli {
inline constexpr int kExitOk = 0;           // success
inline constexpr int kExitCheckFailed = 1;  // the simulation ran; a requested check failed
inline constexpr int kExitBadInput = 2;     // bad scenario, bad flag, missing file
}  // namespace edgefleet::cli
