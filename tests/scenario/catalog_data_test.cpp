// The shipped catalogs (models/*.json, embedded in the binary) are complete and coherent.
#include <set>

#include <gtest/gtest.h>

#include "scenario/catalog.hpp"

namespace edgefleet::scenario {
namespace {

TEST(CatalogData, HardwareSpansEveryTierWithSources) {
  const Catalog& c = builtin_catalog();
  ASSERT_GE(c.hardware.size(), 10u);
  std::set<std::string> tiers, names;
  for (const auto& h : c.hardware) {
    EXPECT_TRUE(names.insert(h.name).second) << "duplicate " << h.name;
    tiers.insert(h.typical_tier);
    EXPECT_FALSE(h.source.empty()) << h.name;
    EXPECT_GT(h.speed_flops, 0) << h.name;
    EXPECT_GT(h.memory_bytes, 0) << h.name;
    EXPECT_GE(h.peak_power_w, h.idle_power_w) << h.name;
    // Every class is bought or rented, never both and never free.
    EXPECT_NE(h.purchase_usd > 0, h.usd_per_hour > 0) << h.name;
  }
  EXPECT_EQ(tiers, (std::set<std::string>{"device", "edge", "fog", "cloud"}));
  // A microcontroller and a battery-powered class are present.
  EXPECT_TRUE(std::any_of(c.hardware.begin(), c.hardware.end(),
                          [](const auto& h) { return h.memory_bytes <= 2e6; }));
  EXPECT_TRUE(std::any_of(c.hardware.begin(), c.hardware.end(),
                          [](const auto& h) { return h.battery_wh > 0; }));
}

TEST(CatalogData, ModelsHaveCoherentVariants) {
  const Catalog& c = builtin_catalog();
  ASSERT_GE(c.models.size(), 8u);
  for (const auto& m : c.models) {
    EXPECT_FALSE(m.source.empty()) << m.name;
    EXPECT_GT(m.input_bytes, 0) << m.name;
    const ModelVariant* fp32 = m.variant("fp32");
    ASSERT_NE(fp32, nullptr) << m.name;
    for (const auto& v : m.variants) {
      EXPECT_GT(v.accuracy, 0) << m.name << "/" << v.name;
      EXPECT_LE(v.accuracy, 1) << m.name << "/" << v.name;
      // Compression never grows the weights nor adds work.
      EXPECT_LE(v.bytes, fp32->bytes) << m.name << "/" << v.name;
      EXPECT_LE(v.flops, fp32->flops) << m.name << "/" << v.name;
    }
    if (const ModelVariant* int8 = m.variant("int8")) {
      // int8 weights take a quarter of fp32 (1 byte vs 4 per parameter), within 5 %.
      EXPECT_NEAR(int8->bytes / fp32->bytes, 0.25, 0.0125) << m.name;
    }
  }
}

TEST(CatalogData, LayerTablesSumToTheModelFlops) {
  const Catalog& c = builtin_catalog();
  int tables = 0;
  for (const auto& m : c.models) {
    if (m.layers.empty()) continue;
    ++tables;
    double sum = 0;
    for (const auto& l : m.layers) sum += l.flops;
    EXPECT_NEAR(sum / m.variant("fp32")->flops, 1.0, 0.02) << m.name;
    EXPECT_DOUBLE_EQ(m.layers.back().output_bytes, m.output_bytes) << m.name;
  }
  EXPECT_GE(tables, 2);
  ASSERT_NE(c.find_model("alexnet"), nullptr);
  // AlexNet conv1 (torchvision): 64 x 55 x 55 outputs x (3 x 11 x 11) MACs x 2.
  EXPECT_DOUBLE_EQ(c.find_model("alexnet")->layers.front().flops, 2.0 * 64 * 55 * 55 * 3 * 11 * 11);
}

}  // namespace
}  // namespace edgefleet::scenario
