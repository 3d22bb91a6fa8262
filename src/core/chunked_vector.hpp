#pragma once
// An append-only sequence stored in large fixed-size chunks. For samples kept for a whole run
// (every served request's latency): it never reallocates and copies (no 2x spike), and its chunks
// are large (malloc maps them, or carves them whole), so millions of long-lived samples do not
// interleave with the simulator's short-lived objects as std::deque's 512-byte blocks did.
#include <cstddef>
#include <memory>
#include <vector>

namespace edgefleet::core {

template <class T, std::size_t kChunkElements = std::size_t{1} << 16>
class ChunkedVector {
 public:
  void push_back(const T& value) {
    if (size_ == chunks_.size() * kChunkElements)
      chunks_.push_back(std::make_unique_for_overwrite<T[]>(kChunkElements));
    chunks_.back()[size_ % kChunkElements] = value;
    ++size_;
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const {
    return chunks_[i / kChunkElements][i % kChunkElements];
  }

  // Calls f(value) for every element, in insertion order.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      const std::size_t n = c + 1 < chunks_.size() ? kChunkElements : size_ - c * kChunkElements;
      const T* chunk = chunks_[c].get();
      for (std::size_t i = 0; i < n; ++i) f(chunk[i]);
    }
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace edgefleet::core
