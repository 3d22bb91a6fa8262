#pragma once
// CPU time of the calling thread, in seconds (CLOCK_THREAD_CPUTIME_ID): what the event loop
// costs, whatever the other threads do meanwhile.
#include <time.h>

namespace edgefleet::core {

inline double thread_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace edgefleet::core
