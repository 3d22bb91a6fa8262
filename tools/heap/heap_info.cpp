#include "heap/heap_info.hpp"

#include <dlfcn.h>

#include <jemalloc/jemalloc.h>

namespace edgefleet::heap {

std::string heap_description() {
  // Linked is not enough: the process's malloc must be jemalloc's (an LD_PRELOADed allocator
  // would come first in symbol lookup).
  void* const jemalloc = dlopen("libjemalloc.so.2", RTLD_LAZY | RTLD_NOLOAD);
  const bool active =
      jemalloc != nullptr && dlsym(jemalloc, "malloc") == dlsym(RTLD_DEFAULT, "malloc");
  if (jemalloc != nullptr) dlclose(jemalloc);
  const char* version = nullptr;
  std::size_t size = sizeof(version);
  if (!active || mallctl("version", &version, &size, nullptr, 0) != 0 || version == nullptr)
    return "not jemalloc (another library provides malloc)";
  std::string out = std::string("jemalloc ") + version;
  const char* thp = nullptr;
  size = sizeof(thp);
  if (mallctl("opt.thp", &thp, &size, nullptr, 0) == 0 && thp != nullptr)
    out += std::string(", thp ") + thp;
  return out;
}

}  // namespace edgefleet::heap
