#pragma once
// What heap this process runs on, for `edgefleet --version`: the allocator, its version and its
// transparent-huge-page option. A build that lost jemalloc (or its options) shows it here.
#include <string>

namespace edgefleet::heap {

// "jemalloc 5.3.0-0-g54eaed1d..., thp always", or "not jemalloc (...)" when jemalloc is not the
// process's allocator.
std::string heap_description();

}  // namespace edgefleet::heap
