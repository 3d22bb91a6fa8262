#include "core/huge_page_heap.hpp"

#include <gtest/gtest.h>

namespace edgefleet::core {
namespace {

TEST(HugePageHeap, ReexecutesOnlyWhenNothingSaysOtherwise) {
  EXPECT_TRUE(should_reexec_for_huge_pages(nullptr, nullptr, nullptr));
  EXPECT_TRUE(should_reexec_for_huge_pages(nullptr, "1", "libfoo.so"));
  // Already re-executed, or the user set their own tunables.
  EXPECT_FALSE(should_reexec_for_huge_pages("glibc.malloc.hugetlb=1", nullptr, nullptr));
  EXPECT_FALSE(should_reexec_for_huge_pages("", nullptr, nullptr));
  // Opt-out.
  EXPECT_FALSE(should_reexec_for_huge_pages(nullptr, "0", nullptr));
  // valgrind's preload would be lost across the exec.
  EXPECT_FALSE(should_reexec_for_huge_pages(
      nullptr, nullptr, "/usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so"));
}

}  // namespace
}  // namespace edgefleet::core
