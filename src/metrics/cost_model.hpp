#pragma once
// Monthly cost of a fleet: a pure function of plain inputs, independent of the scenario code
// (the integrator fills CostInputs from the hardware catalog and the run's measurements).
//
// A month is kHoursPerMonth = 730 h (= 8760 h / 12). For a hardware class with `count` hosts:
//   capex_usd   = count * purchase_usd / lifetime_months          (straight-line amortisation)
//   energy_usd  = count * mean_power_w * 730 * usd_per_kwh / 1000 (W * h -> kWh)
//                 (0 when energy_in_hourly_price: a cloud VM's hourly price already pays it)
//   cloud_usd   = count * usd_per_hour * 730
// and per tier, on top of its classes:
//   network_usd = monthly_egress_bytes / 1e9 * egress_usd_per_gb   (decimal GB, as clouds bill)
//   total_usd   = capex_usd + energy_usd + cloud_usd + network_usd
// The fleet breakdown is the field-wise sum over tiers.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace edgefleet::metrics {

inline constexpr double kHoursPerMonth = 730.0;
inline constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;
inline constexpr double kBytesPerGb = 1e9;
inline constexpr double kDefaultLifetimeMonths = 36.0;

// One hardware class of the fleet (e.g. "jetson-orin-nano" in tier "edge").
struct HardwareClassCost {
  std::string name;                     // hardware class name, for messages
  std::string tier;                     // tier the hosts belong to ("device", "edge", "cloud", ...)
  std::uint64_t count = 0;              // number of hosts of this class
  double purchase_usd = 0.0;            // purchase price of one host, USD (0 for rented)
  double usd_per_hour = 0.0;            // rental price of one host, USD per hour (0 for owned)
  double mean_power_w = 0.0;            // mean electrical power of one host over the run, W
  bool energy_in_hourly_price = false;  // true: energy is part of usd_per_hour (cloud VMs)
};

struct CostInputs {
  std::vector<HardwareClassCost> classes;
  double lifetime_months = kDefaultLifetimeMonths;  // amortisation period of purchases, months
  double usd_per_kwh = 0.0;                         // electricity price, USD per kWh
  double egress_usd_per_gb = 0.0;                   // network egress price, USD per GB (1e9 B)
  std::map<std::string, double> monthly_egress_bytes_by_tier;  // bytes leaving each tier / month
};

// A monthly cost split by kind, USD per month.
struct CostBreakdown {
  double capex_usd = 0.0;    // amortised purchases, USD/month
  double energy_usd = 0.0;   // electricity of owned hosts, USD/month
  double cloud_usd = 0.0;    // rented hosts at their hourly price, USD/month
  double network_usd = 0.0;  // egress traffic, USD/month
  double total_usd = 0.0;    // sum of the four above, USD/month
};

struct FleetCost {
  std::map<std::string, CostBreakdown> by_tier;  // tiers in byte order
  CostBreakdown total;                           // sum over tiers
};

// Throws std::invalid_argument for a negative or non-finite price/count/power, or
// lifetime_months <= 0 (these come from validated config: reaching here is a bug).
FleetCost monthly_cost(const CostInputs& inputs);

// Scales a quantity measured over a run of `run_duration_s` simulated seconds to a 730-hour
// month (e.g. egress bytes or inferences): amount * kSecondsPerMonth / run_duration_s.
// NaN if run_duration_s <= 0.
double per_month(double amount_in_run, double run_duration_s);

// USD per million inferences: total_usd_per_month / (inferences_per_month / 1e6).
// +inf if there were no inferences but some cost; NaN if both are zero.
double usd_per_million_inferences(double total_usd_per_month, double inferences_per_month);

}  // namespace edgefleet::metrics
