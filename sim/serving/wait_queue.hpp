#pragma once
// Requests waiting for a serving slot on one node: critical first, FIFO within a priority,
// bounded. O(1) push and pop.
#include <array>
#include <cstdint>
#include <deque>

namespace edgefleet::sim::serving {

struct Waiting {
  std::int64_t request_slot;
  std::uint8_t branch;
};

class WaitQueue {
 public:
  bool push(int priority, Waiting w, int capacity) {
    if (size_ >= capacity) return false;
    by_priority_[priority].push_back(w);
    ++size_;
    return true;
  }
  bool pop(Waiting* out) {
    for (int p = 3; p >= 0; --p) {
      if (!by_priority_[p].empty()) {
        *out = by_priority_[p].front();
        by_priority_[p].pop_front();
        --size_;
        return true;
      }
    }
    return false;
  }
  int size() const { return size_; }

 private:
  std::array<std::deque<Waiting>, 4> by_priority_;
  int size_ = 0;
};

}  // namespace edgefleet::sim::serving
