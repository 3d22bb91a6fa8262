#pragma once
// Runs edgefleet with glibc's heap in transparent huge pages. At 100k hosts and more, a simulation
// touches hundreds of MB of per-host state (SimGrid's hosts, links, routes; edgefleet's arrays) in
// random order, one request at a time, and stalls on TLB misses: huge pages cut the median wall
// time by 12-14 % in A/B runs at 100k devices (results/BENCHMARKS.md, session 10). glibc decides at
// start-up, from GLIBC_TUNABLES only, so the program re-executes itself once with the tunable set.
// Outputs do not depend on it.

namespace edgefleet::core {

// Whether to re-execute, from the environment: not when GLIBC_TUNABLES is already set (the
// user's choice, or the re-executed process), when EDGEFLEET_HUGE_PAGES is "0", or under
// valgrind (whose preload would not follow a re-execution).
bool should_reexec_for_huge_pages(const char* glibc_tunables, const char* edgefleet_huge_pages,
                                  const char* ld_preload);

// Re-executes /proc/self/exe with argv and GLIBC_TUNABLES=glibc.malloc.hugetlb=1 when
// should_reexec_for_huge_pages says so. Returns when it does not, or when exec fails (the run
// then goes on with ordinary pages).
void reexec_with_huge_page_heap(char** argv);

}  // namespace edgefleet::core
