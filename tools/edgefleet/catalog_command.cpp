#include <cstdio>

#include "core/units.hpp"
#include "edgefleet/commands.hpp"
#include "edgefleet/exit_codes.hpp"
#include "scenario/catalog.hpp"

namespace edgefleet::cli {

void register_catalog(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("catalog", "List the built-in hardware classes and ML models");
  cmd->callback([&status] {
    using core::Dimension;
    using core::format_quantity;
    const auto& c = scenario::builtin_catalog();
    std::printf("Hardware classes (%zu):\n", c.hardware.size());
    std::printf("  %-28s %-7s %12s %5s %10s %9s %9s %10s\n", "name", "tier", "speed", "cores",
                "memory", "idle", "peak", "price");
    for (const auto& h : c.hardware) {
      char price[32];
      if (h.usd_per_hour > 0)
        std::snprintf(price, sizeof price, "$%.3f/h", h.usd_per_hour);
      else
        std::snprintf(price, sizeof price, "$%.0f", h.purchase_usd);
      std::printf("  %-28s %-7s %12s %5d %10s %9s %9s %10s\n", h.name.c_str(),
                  h.typical_tier.c_str(),
                  format_quantity(h.speed_flops, Dimension::kFlopsPerSecond).c_str(), h.cores,
                  format_quantity(h.memory_bytes, Dimension::kBytes).c_str(),
                  format_quantity(h.idle_power_w, Dimension::kWatts).c_str(),
                  format_quantity(h.peak_power_w, Dimension::kWatts).c_str(), price);
    }
    std::printf("\nModels (%zu):\n", c.models.size());
    for (const auto& m : c.models) {
      std::printf("  %-22s %-24s input %-9s layers %-3zu variants:", m.name.c_str(), m.task.c_str(),
                  format_quantity(m.input_bytes, Dimension::kBytes).c_str(), m.layers.size());
      for (const auto& v : m.variants) {
        std::printf(" %s(%s, %s, %.3f)", v.name.c_str(),
                    format_quantity(v.flops, Dimension::kFlops).c_str(),
                    format_quantity(v.bytes, Dimension::kBytes).c_str(), v.accuracy);
      }
      std::printf("\n");
    }
    status = kExitOk;
  });
}

}  // namespace edgefleet::cli
