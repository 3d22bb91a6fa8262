#include "core/serial_worker.hpp"

#include <chrono>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace edgefleet::core {
namespace {

TEST(CoreSerialWorker, RunsJobsOneAtATimeInSubmissionOrder) {
  SerialWorker worker;
  std::vector<int> seen;  // touched only by the worker: jobs never overlap
  std::vector<std::future<int>> results;
  for (int i = 0; i < 50; ++i)
    results.push_back(worker.submit([&seen, i] {
      if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      seen.push_back(i);
      return static_cast<int>(seen.size());
    }));
  for (int i = 0; i < 50; ++i) EXPECT_EQ(results[static_cast<std::size_t>(i)].get(), i + 1);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
}

TEST(CoreSerialWorker, ExceptionReachesTheFutureAndLaterJobsStillRun) {
  SerialWorker worker;
  auto bad = worker.submit([]() -> int { throw std::runtime_error("boom"); });
  auto good = worker.submit([] { return 7; });
  EXPECT_THROW(bad.get(), std::runtime_error);
  EXPECT_EQ(good.get(), 7);
}

TEST(CoreSerialWorker, DestructorRunsQueuedJobs) {
  int count = 0;
  {
    SerialWorker worker;
    for (int i = 0; i < 20; ++i) worker.submit([&count] { ++count; });
  }
  EXPECT_EQ(count, 20);
}

}  // namespace
}  // namespace edgefleet::core
