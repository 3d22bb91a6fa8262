// The heap of `edgefleet` and of the bare baseline: jemalloc, with its memory in transparent huge
// pages (docs/simulation.md, engine configuration, says why and what it measured). jemalloc reads
// this string at its first allocation; MALLOC_CONF in the environment is applied after it, so a
// user can override any option (MALLOC_CONF=thp:default gives ordinary pages).
// Compiled into each executable, not into a library: a static library member that nothing
// references would not be linked in, and jemalloc would silently use its defaults.
#include <jemalloc/jemalloc.h>

extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
