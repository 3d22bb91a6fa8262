#include "core/huge_page_heap.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace edgefleet::core {

bool should_reexec_for_huge_pages(const char* glibc_tunables, const char* edgefleet_huge_pages,
                                  const char* ld_preload) {
  if (glibc_tunables != nullptr) return false;
  if (edgefleet_huge_pages != nullptr && std::strcmp(edgefleet_huge_pages, "0") == 0) return false;
  if (ld_preload != nullptr && std::strstr(ld_preload, "vgpreload") != nullptr) return false;
  return true;
}

void reexec_with_huge_page_heap(char** argv) {
  if (!should_reexec_for_huge_pages(std::getenv("GLIBC_TUNABLES"),
                                    std::getenv("EDGEFLEET_HUGE_PAGES"), std::getenv("LD_PRELOAD")))
    return;
  if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0) return;
  execv("/proc/self/exe", argv);
  unsetenv("GLIBC_TUNABLES");  // exec failed: go on with ordinary pages
}

}  // namespace edgefleet::core
