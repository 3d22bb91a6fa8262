#include "core/chunked_vector.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace edgefleet::core {
namespace {

TEST(ChunkedVector, KeepsInsertionOrderAcrossChunkBoundaries) {
  ChunkedVector<int, 4> v;
  EXPECT_TRUE(v.empty());
  std::vector<int> seen;
  v.for_each([&](int x) { seen.push_back(x); });
  EXPECT_TRUE(seen.empty());
  // 0, 1, 4, 5, 8 and 9 elements: empty, partial, exactly full, one past full, two chunks.
  for (int n = 1; n <= 9; ++n) {
    v.push_back(n * 10);
    ASSERT_EQ(v.size(), static_cast<std::size_t>(n));
    seen.clear();
    v.for_each([&](int x) { seen.push_back(x); });
    ASSERT_EQ(seen.size(), static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      EXPECT_EQ(seen[i], (i + 1) * 10);
      EXPECT_EQ(v[static_cast<std::size_t>(i)], (i + 1) * 10);
    }
  }
}

TEST(ChunkedVector, ElementsKeepTheirAddressWhenItGrows) {
  ChunkedVector<double, 2> v;
  v.push_back(1.5);
  const double* first = &v[0];
  for (int i = 0; i < 100; ++i) v.push_back(i);
  EXPECT_EQ(&v[0], first);
  EXPECT_EQ(v[0], 1.5);
  EXPECT_EQ(v[100], 99.0);
}

}  // namespace
}  // namespace edgefleet::core
