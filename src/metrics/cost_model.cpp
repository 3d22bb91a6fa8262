#include "metrics/cost_model.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace edgefleet::metrics {
namespace {

void require_non_negative(double v, const std::string& what) {
  if (!std::isfinite(v) || v < 0.0) {
    throw std::invalid_argument("monthly_cost: " + what + " must be finite and >= 0");
  }
}

void add_into(CostBreakdown& into, const CostBreakdown& b) {
  into.capex_usd += b.capex_usd;
  into.energy_usd += b.energy_usd;
  into.cloud_usd += b.cloud_usd;
  into.network_usd += b.network_usd;
  into.total_usd += b.total_usd;
}

}  // namespace

FleetCost monthly_cost(const CostInputs& in) {
  if (!std::isfinite(in.lifetime_months) || in.lifetime_months <= 0.0) {
    throw std::invalid_argument("monthly_cost: lifetime_months must be > 0");
  }
  require_non_negative(in.usd_per_kwh, "usd_per_kwh");
  require_non_negative(in.egress_usd_per_gb, "egress_usd_per_gb");

  FleetCost out;
  for (const HardwareClassCost& c : in.classes) {
    require_non_negative(c.purchase_usd, c.name + ".purchase_usd");
    require_non_negative(c.usd_per_hour, c.name + ".usd_per_hour");
    require_non_negative(c.mean_power_w, c.name + ".mean_power_w");
    const double n = static_cast<double>(c.count);
    CostBreakdown& t = out.by_tier[c.tier];
    t.capex_usd += n * c.purchase_usd / in.lifetime_months;
    if (!c.energy_in_hourly_price) {
      t.energy_usd += n * c.mean_power_w * kHoursPerMonth * in.usd_per_kwh / 1000.0;
    }
    t.cloud_usd += n * c.usd_per_hour * kHoursPerMonth;
  }
  for (const auto& [tier, bytes] : in.monthly_egress_bytes_by_tier) {
    require_non_negative(bytes, "monthly_egress_bytes_by_tier." + tier);
    out.by_tier[tier].network_usd += bytes / kBytesPerGb * in.egress_usd_per_gb;
  }
  for (auto& [tier, b] : out.by_tier) {
    b.total_usd = b.capex_usd + b.energy_usd + b.cloud_usd + b.network_usd;
    add_into(out.total, b);
  }
  return out;
}

double per_month(double amount_in_run, double run_duration_s) {
  if (!(run_duration_s > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return amount_in_run * kSecondsPerMonth / run_duration_s;
}

double usd_per_million_inferences(double total_usd_per_month, double inferences_per_month) {
  if (inferences_per_month <= 0.0) {
    return total_usd_per_month > 0.0 ? std::numeric_limits<double>::infinity()
                                     : std::numeric_limits<double>::quiet_NaN();
  }
  return total_usd_per_month / (inferences_per_month / 1e6);
}

}  // namespace edgefleet::metrics
