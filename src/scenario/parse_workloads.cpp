#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/input_error.hpp"
#include "scenario/parse_sections.hpp"

namespace edgefleet::scenario::detail {

using core::Dimension;
using core::InputError;

namespace {

std::vector<TraceArrival> load_trace(const std::string& file, const std::string& path) {
  std::ifstream in(file);
  if (!in) throw InputError(path, "cannot open trace file \"" + file + "\"");
  std::vector<TraceArrival> rows;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#' ||
        (line_number == 1 && line.find("time") != std::string::npos))
      continue;
    std::istringstream fields(line);
    TraceArrival row{};
    char comma = 0;
    if (!(fields >> row.time_s >> comma >> row.device) || comma != ',' || row.time_s < 0 ||
        row.device < 0) {
      throw InputError(path, file + ":" + std::to_string(line_number) +
                                 ": expected \"time_s,device\" with non-negative values");
    }
    rows.push_back(row);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const TraceArrival& a, const TraceArrival& b) {
    return a.time_s < b.time_s;
  });
  return rows;
}

ArrivalSpec parse_arrival(ObjectReader& r) {
  ArrivalSpec a;
  const std::string process = r.string("process", "poisson");
  if (process == "poisson") {
    a.process = ArrivalProcess::kPoisson;
    a.rate_per_s = r.quantity("rate", Dimension::kPerSecond, std::nullopt, Bound::kPositive);
  } else if (process == "periodic") {
    a.process = ArrivalProcess::kPeriodic;
    a.period_s = r.quantity("period", Dimension::kSeconds, std::nullopt, Bound::kPositive);
    a.rate_per_s = 1.0 / a.period_s;
  } else if (process == "bursty") {
    a.process = ArrivalProcess::kBursty;
    a.rate_per_s = r.quantity("rate", Dimension::kPerSecond, std::nullopt, Bound::kPositive);
    a.on_s = r.quantity("on", Dimension::kSeconds, std::nullopt, Bound::kPositive);
    a.off_s = r.quantity("off", Dimension::kSeconds, std::nullopt, Bound::kNonNegative);
  } else if (process == "diurnal") {
    a.process = ArrivalProcess::kDiurnal;
    a.rate_per_s = r.quantity("rate", Dimension::kPerSecond, std::nullopt, Bound::kPositive);
    const Json& hourly = r.array("hourly");
    if (hourly.size() != 24)
      throw InputError(r.path_of("hourly"),
                       "needs 24 hourly multipliers, got " + std::to_string(hourly.size()));
    for (std::size_t h = 0; h < 24; ++h) {
      a.hourly_multipliers[h] =
          parse_quantity_value(hourly[h], Dimension::kDimensionless,
                               json_pointer_index(r.path_of("hourly"), h), Bound::kNonNegative);
    }
  } else if (process == "trace") {
    a.process = ArrivalProcess::kTrace;
    a.trace_file = r.string("file");
    a.trace = load_trace(a.trace_file, r.path_of("file"));
  } else {
    throw InputError(r.path_of("process"),
                     "unknown arrival process \"" + process +
                         "\" (known: poisson, periodic, bursty, diurnal, trace)");
  }
  return a;
}

}  // namespace

void parse_workloads(ObjectReader& root, Scenario& out) {
  const Json* list = root.get("workloads");
  if (!list) return;
  const std::string path = root.path_of("workloads");
  if (!list->is_array()) throw InputError(path, "expected an array, got " + json_type_name(*list));
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader r((*list)[i], json_pointer_index(path, i));
    Workload w;
    w.name = r.string("name", "workload-" + std::to_string(i));
    w.model = r.string("model");
    const ModelSpec* model = out.find_model(w.model);
    if (!model) {
      std::vector<std::string> names;
      for (const auto& m : out.models) names.push_back(m.name);
      std::string reason = "unknown model \"" + w.model + "\"";
      const std::string suggestion = closest_name(w.model, names);
      if (!suggestion.empty()) reason += " (did you mean \"" + suggestion + "\"?)";
      throw InputError(r.path_of("model"), reason + "; known: " + join_names(names));
    }
    if (const Json* regions = r.get("regions")) {
      if (!regions->is_array())
        throw InputError(r.path_of("regions"), "expected an array of region names");
      for (std::size_t k = 0; k < regions->size(); ++k) {
        const std::string rpath = json_pointer_index(r.path_of("regions"), k);
        if (!(*regions)[k].is_string()) throw InputError(rpath, "expected a region name");
        const auto name = (*regions)[k].get<std::string>();
        const bool known = std::any_of(out.regions.begin(), out.regions.end(),
                                       [&](const Region& g) { return g.name == name; });
        if (!known) throw InputError(rpath, "unknown region \"" + name + "\"");
        w.regions.push_back(name);
      }
    }
    w.device_share = r.number("device_share", 1.0, 0.0, 1.0);
    w.input_bytes =
        r.quantity("input_bytes", Dimension::kBytes, model->input_bytes, Bound::kNonNegative);
    w.output_bytes =
        r.quantity("output_bytes", Dimension::kBytes, model->output_bytes, Bound::kNonNegative);
    ObjectReader arrival = r.object("arrival");
    w.arrival = parse_arrival(arrival);
    arrival.finish();
    if (const Json* mix = r.get("priority_mix")) {
      ObjectReader m(*mix, r.path_of("priority_mix"));
      double total = 0;
      for (std::size_t p = 0; p < kPriorityNames.size(); ++p) {
        w.priority_mix[p] = m.number(kPriorityNames[p], 0.0, 0.0, 1e9);
        total += w.priority_mix[p];
      }
      m.finish();
      if (!(total > 0)) throw InputError(r.path_of("priority_mix"), "shares must not all be zero");
      for (double& share : w.priority_mix) share /= total;
    }
    w.slo_latency_s = r.quantity("slo_latency", Dimension::kSeconds, 0.1, Bound::kPositive);
    w.min_accuracy = r.number("min_accuracy", 0.0, 0.0, 1.0);
    w.privacy_required_share = r.number("privacy_required_share", 0.0, 0.0, 1.0);
    w.complexity = r.number("complexity", 0.5, 0.0, 1.0);
    r.finish();
    out.workloads.push_back(std::move(w));
  }
  if (!out.workloads.empty() && out.device_count() == 0) {
    throw InputError(path, "workloads need devices, but every region has devices_per_edge = 0");
  }
}

}  // namespace edgefleet::scenario::detail
