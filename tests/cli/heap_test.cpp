// The edgefleet binary runs on jemalloc with huge pages (docs/simulation.md, engine
// configuration); `--version` reports the heap the process really allocates from.
#include <gtest/gtest.h>

#include "cli/cli_support.hpp"

namespace edgefleet::cli::testing {

TEST(CliHeap, VersionReportsJemallocWithHugePages) {
  const Invocation r = run_edgefleet("--version");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("heap: jemalloc 5."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("thp always"), std::string::npos) << r.out;
}

TEST(CliHeap, MallocConfInTheEnvironmentOverridesTheBuiltInOptions) {
  const Invocation r = run_edgefleet("--version", "MALLOC_CONF=thp:never");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("thp never"), std::string::npos) << r.out;
}

}  // namespace edgefleet::cli::testing
