#include "core/parallel_for.hpp"

#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace edgefleet::core {
namespace {

// EDGEFLEET_THREADS for one scope.
class ThreadsEnv {
 public:
  explicit ThreadsEnv(const char* value) {
    if (const char* old = std::getenv("EDGEFLEET_THREADS")) old_ = old;
    setenv("EDGEFLEET_THREADS", value, 1);
  }
  ~ThreadsEnv() {
    if (old_.empty())
      unsetenv("EDGEFLEET_THREADS");
    else
      setenv("EDGEFLEET_THREADS", old_.c_str(), 1);
  }

 private:
  std::string old_;
};

TEST(CoreParallelFor, EveryIndexRunsOnceWhateverTheThreads) {
  for (const char* threads : {"1", "2", "5"}) {
    ThreadsEnv env(threads);
    std::vector<std::atomic<int>> runs(1000);
    parallel_for(runs.size(), [&](std::size_t i) { ++runs[i]; });
    for (std::size_t i = 0; i < runs.size(); ++i)
      ASSERT_EQ(runs[i].load(), 1) << threads << " " << i;
    std::vector<std::atomic<int>> ordered(300);
    std::vector<double> sizes(ordered.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) sizes[i] = static_cast<double>((i * 37) % 11);
    parallel_for_largest_first(sizes, [&](std::size_t i) { ++ordered[i]; });
    for (std::size_t i = 0; i < ordered.size(); ++i)
      ASSERT_EQ(ordered[i].load(), 1) << threads << " " << i;
  }
}

// One thread takes the items in the order handed out: largest first, ties by index.
TEST(CoreParallelFor, LargestFirstHandsOutItemsBySizeThenIndex) {
  ThreadsEnv env("1");
  const std::vector<double> sizes = {3, 9, 1, 9, 0, 4};
  std::vector<std::size_t> seen;
  parallel_for_largest_first(sizes, [&](std::size_t i) { seen.push_back(i); });
  EXPECT_EQ(seen, (std::vector<std::size_t>{1, 3, 5, 0, 2, 4}));
}

}  // namespace
}  // namespace edgefleet::core
