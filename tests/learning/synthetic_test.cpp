#include "learning/synthetic.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <algorithm>

namespace edgefleet::learning {
namespace {

TEST(LearningSynthetic, SampleCountsFollowLognormalPlusFifty) {
  // log(n_k - 50) ~ floor of lognormal(4, 2): its log has mean ~4 and sd 2. Over 2000 devices the
  // standard error of the mean is 2 / sqrt(2000) = 0.045; the floor lowers it slightly.
  SyntheticSpec spec;
  double sum = 0;
  int positive = 0;
  for (int k = 0; k < 2000; ++k) {
    const int n = synthetic_sample_count(spec, 1, k);
    ASSERT_GE(n, 50);
    if (n > 50) {
      sum += std::log(n - 50);
      ++positive;
    }
  }
  EXPECT_NEAR(sum / positive, 4.0, 0.25);
}

TEST(LearningSynthetic, ShapesLabelsSplitAndDeterminism) {
  SyntheticSpec spec;
  spec.max_samples_per_device = 400;
  const auto a = make_synthetic(spec, 7);
  ASSERT_EQ(a.size(), 30u);
  for (int k = 0; k < 30; ++k) {
    const auto& c = a[static_cast<std::size_t>(k)];
    const int n = synthetic_sample_count(spec, 7, k);
    EXPECT_EQ(static_cast<int>(c.train.size() + c.test.size()), n);
    EXPECT_EQ(static_cast<int>(c.train.size()), static_cast<int>(std::floor(0.9 * n)));
    EXPECT_EQ(c.train.dim(), 60);
    for (int y : c.train.labels) {
      EXPECT_GE(y, 0);
      EXPECT_LT(y, 10);
    }
  }
  const auto b = make_synthetic(spec, 7);
  EXPECT_EQ(a[3].train.features, b[3].train.features);
  EXPECT_EQ(a[3].train.labels, b[3].train.labels);
  const auto other = make_synthetic(spec, 8);
  EXPECT_NE(a[3].train.labels, other[3].train.labels);
  // A device's data does not depend on the number of devices.
  spec.num_devices = 5;
  EXPECT_EQ(make_synthetic(spec, 7)[3].train.features, a[3].train.features);
}

// Held-out rows written straight to one set are the clients' test sets laid end to end, bit for
// bit; the training rows are unchanged and the clients keep no test rows.
TEST(LearningSynthetic, HeldOutRowsGoStraightToOneSetInDeviceOrder) {
  SyntheticSpec spec;
  spec.num_devices = 300;
  spec.max_samples_per_device = 5000;  // most devices span several 240-row blocks
  const auto plain = make_synthetic(spec, 9);
  Dataset held_out;
  const auto direct = make_synthetic(spec, 9, &held_out);
  Eigen::Index at = 0;
  bool spans_blocks = false;
  for (std::size_t k = 0; k < plain.size(); ++k) {
    const auto& test = plain[k].test;
    const auto n = static_cast<Eigen::Index>(test.size());
    ASSERT_GT(n, 0);
    EXPECT_EQ(held_out.features.middleRows(at, n), test.features) << k;
    EXPECT_TRUE(std::equal(test.labels.begin(), test.labels.end(), held_out.labels.begin() + at))
        << k;
    EXPECT_EQ(direct[k].train.features, plain[k].train.features) << k;
    EXPECT_EQ(direct[k].train.labels, plain[k].train.labels) << k;
    EXPECT_EQ(direct[k].test.size(), 0u);
    spans_blocks = spans_blocks || plain[k].train.size() + test.size() > 240;
    at += n;
  }
  EXPECT_EQ(at, static_cast<Eigen::Index>(held_out.size()));
  EXPECT_EQ(held_out.num_classes, 10);
  EXPECT_TRUE(spans_blocks);
}

// Rows are generated and labelled a block at a time for speed; the values must be those of one
// whole-device block (all of a device's rows drawn and labelled at once), bit for bit.
TEST(LearningSynthetic, BlockHeightChangesNoValue) {
  SyntheticSpec spec;
  spec.num_devices = 60;
  spec.max_samples_per_device = 3000;  // devices from 50 to 3,000 rows: 1 to 13 blocks of 240
  const auto blocked = make_synthetic(spec, 11);
  const auto whole = make_synthetic_in_blocks(spec, 11, nullptr, 1 << 30);
  std::size_t multi_block = 0;
  for (std::size_t k = 0; k < blocked.size(); ++k) {
    EXPECT_EQ(blocked[k].train.features, whole[k].train.features) << k;
    EXPECT_EQ(blocked[k].train.labels, whole[k].train.labels) << k;
    EXPECT_EQ(blocked[k].test.features, whole[k].test.features) << k;
    EXPECT_EQ(blocked[k].test.labels, whole[k].test.labels) << k;
    if (blocked[k].train.size() + blocked[k].test.size() > 240) ++multi_block;
  }
  EXPECT_GE(multi_block, 10u);  // 16 with this seed
}

TEST(LearningSynthetic, NonIidDevicesDisagreeMoreThanIid) {
  // Label distributions differ across devices under alpha = beta = 1 (each device has its own
  // W_k); the IID variant shares one W, so its per-device majority labels agree more often.
  auto majority_share = [](const std::vector<ClientData>& clients) {
    std::vector<int> counts(10, 0);
    for (const auto& c : clients) {
      std::vector<int> per(10, 0);
      for (int y : c.train.labels) ++per[static_cast<std::size_t>(y)];
      ++counts[static_cast<std::size_t>(std::max_element(per.begin(), per.end()) - per.begin())];
    }
    return *std::max_element(counts.begin(), counts.end());
  };
  SyntheticSpec spec;
  spec.max_samples_per_device = 300;
  const int non_iid = majority_share(make_synthetic(spec, 3));
  spec.iid = true;
  const int iid = majority_share(make_synthetic(spec, 3));
  EXPECT_GT(iid, non_iid);
}

}  // namespace
}  // namespace edgefleet::learning
