#pragma once
// One background thread that runs submitted jobs one after another, in submission order. Lets a
// caller hand off a chain of dependent computations (each job sees the state the previous one
// left) and go on with work that does not need their results, e.g. the simulation of the next
// federated round while this round's clients train. A job's exception reaches the caller through
// its future.
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace edgefleet::core {

class SerialWorker {
 public:
  SerialWorker();
  ~SerialWorker();  // runs the jobs still queued, then joins
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  template <typename F>
  auto submit(F job) -> std::future<decltype(job())> {
    auto task = std::make_shared<std::packaged_task<decltype(job())()>>(std::move(job));
    auto result = task->get_future();
    enqueue([task] { (*task)(); });
    return result;
  }

 private:
  void enqueue(std::function<void()> job);
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace edgefleet::core
