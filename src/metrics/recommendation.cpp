#include "metrics/recommendation.hpp"

#include <cmath>
#include <optional>
#include <set>

#include "metrics/number_format.hpp"

namespace edgefleet::metrics {
namespace {

std::string pct(double fraction) {
  return format_fixed(100.0 * fraction, 1) + "%";
}
std::string ms(double seconds) {
  return format_fixed(1e3 * seconds, 1) + " ms";
}

std::optional<double> lookup(const std::map<std::string, double>& m, const std::string& key) {
  auto it = m.find(key);
  if (it == m.end() || std::isnan(it->second)) return std::nullopt;
  return it->second;
}

// Appends why `tier` is hot; returns whether it is.
bool hot(const RecommendationInputs& in, const RecommendationThresholds& th,
         const std::string& tier, std::vector<std::string>* reasons) {
  bool is_hot = false;
  if (auto u = lookup(in.utilisation_by_tier, tier); u && *u >= th.hot_utilisation) {
    is_hot = true;
    if (reasons) {
      reasons->push_back(tier + " tier utilisation " + pct(*u) + " >= " + pct(th.hot_utilisation));
    }
  }
  if (auto g = lookup(in.queue_growth_by_tier, tier); g && *g >= th.queue_growth_alarm) {
    is_hot = true;
    if (reasons) {
      reasons->push_back(tier + " tier queue grew " + format_fixed(*g, 2) +
                         "x between run halves (>= " + format_fixed(th.queue_growth_alarm, 2) +
                         "x)");
    }
  }
  return is_hot;
}

std::vector<std::string> slo_facts(const RecommendationInputs& in,
                                   const RecommendationThresholds& th, bool attainment_ok,
                                   bool drops_ok) {
  std::vector<std::string> r;
  r.push_back("SLO attainment " + pct(in.slo_attainment) + (attainment_ok ? " >= " : " < ") +
              "target " + pct(th.slo_attainment_target));
  r.push_back("p95 latency " + ms(in.p95_s) + (in.p95_s <= in.slo_target_s ? " <= " : " > ") +
              "SLO target " + ms(in.slo_target_s));
  if (!drops_ok) {
    r.push_back("dropped or failed " + pct(in.drop_rate) + " of requests (> " +
                pct(th.max_drop_rate) + ")");
  }
  return r;
}

Recommendation make(Verdict v, std::string tier, std::string summary,
                    std::vector<std::string> reasons) {
  return Recommendation{v, std::move(tier), std::move(summary), std::move(reasons)};
}

}  // namespace

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kMeetsSlo:
      return "meets_slo";
    case Verdict::kFleetOverProvisioned:
      return "fleet_over_provisioned";
    case Verdict::kScaleOutEdgeTier:
      return "scale_out_edge_tier";
    case Verdict::kMoveHeavyModelsToCloud:
      return "move_heavy_models_to_cloud";
    case Verdict::kScaleOutTier:
      return "scale_out_tier";
    case Verdict::kNotCapacityBound:
      return "not_capacity_bound";
  }
  return "unknown";
}

Recommendation recommend(const RecommendationInputs& in, const RecommendationThresholds& th) {
  const bool attainment_ok = in.slo_attainment >= th.slo_attainment_target;
  const bool drops_ok = !(in.drop_rate > th.max_drop_rate);
  const bool slo_met = attainment_ok && drops_ok;
  std::vector<std::string> reasons = slo_facts(in, th, attainment_ok, drops_ok);

  if (!slo_met) {
    std::vector<std::string> edge_why;
    if (hot(in, th, in.edge_tier, &edge_why)) {
      reasons.insert(reasons.end(), edge_why.begin(), edge_why.end());
      // Rule 1: offload heavy models when the cloud has room and is close enough.
      const auto cloud_u = lookup(in.utilisation_by_tier, in.cloud_tier);
      const bool cloud_spare = cloud_u && *cloud_u <= th.cloud_spare_utilisation;
      const bool heavy_edge = in.heavy_model_edge_share >= th.heavy_share_alarm;
      const bool cloud_fits = in.cloud_rtt_s < in.slo_target_s;
      if (cloud_spare && heavy_edge && cloud_fits) {
        reasons.push_back(in.cloud_tier + " tier utilisation " + pct(*cloud_u) +
                          " <= " + pct(th.cloud_spare_utilisation) + " (spare capacity)");
        reasons.push_back("heavy models use " + pct(in.heavy_model_edge_share) +
                          " of edge compute (>= " + pct(th.heavy_share_alarm) + ")");
        reasons.push_back("cloud round trip " + ms(in.cloud_rtt_s) + " < SLO target " +
                          ms(in.slo_target_s));
        return make(Verdict::kMoveHeavyModelsToCloud, in.cloud_tier, "move heavy models to cloud",
                    std::move(reasons));
      }
      // Rule 2.
      return make(Verdict::kScaleOutEdgeTier, in.edge_tier, "scale out edge tier",
                  std::move(reasons));
    }
    // Rule 3: the hottest other tier; ties keep the first name in byte order (std::set order).
    std::set<std::string> tiers;
    for (const auto& [tier, u] : in.utilisation_by_tier) tiers.insert(tier);
    for (const auto& [tier, g] : in.queue_growth_by_tier) tiers.insert(tier);
    const std::string* hottest = nullptr;
    double hottest_u = -1.0;
    for (const std::string& tier : tiers) {
      if (tier == in.edge_tier || !hot(in, th, tier, nullptr)) continue;
      const double u = lookup(in.utilisation_by_tier, tier).value_or(0.0);
      if (u > hottest_u) hottest = &tier, hottest_u = u;
    }
    if (hottest) {
      hot(in, th, *hottest, &reasons);
      return make(Verdict::kScaleOutTier, *hottest, "scale out " + *hottest + " tier",
                  std::move(reasons));
    }
    // Rule 4.
    reasons.push_back("no tier reaches " + pct(th.hot_utilisation) +
                      " utilisation or a growing queue: latency is not from queueing");
    return make(Verdict::kNotCapacityBound, "",
                "SLO missed without saturation: reduce network latency or model size",
                std::move(reasons));
  }

  // Rule 5: every tier cold.
  double busiest = -1.0;
  std::string busiest_tier;
  for (const auto& [tier, u] : in.utilisation_by_tier) {
    if (!std::isnan(u) && u > busiest) busiest = u, busiest_tier = tier;
  }
  if (!busiest_tier.empty() && busiest <= th.cold_utilisation) {
    reasons.push_back("busiest tier " + busiest_tier + " at " + pct(busiest) +
                      " utilisation <= " + pct(th.cold_utilisation));
    return make(Verdict::kFleetOverProvisioned, "", "fleet over-provisioned", std::move(reasons));
  }
  // Rule 6.
  return make(Verdict::kMeetsSlo, "", "meets SLO", std::move(reasons));
}

}  // namespace edgefleet::metrics
