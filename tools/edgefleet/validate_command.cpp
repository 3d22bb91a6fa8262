#include <cstdio>

#include "edgefleet/commands.hpp"
#include "edgefleet/exit_codes.hpp"
#include "edgefleet/scenario_source.hpp"
#include "scenario/speed_notes.hpp"

namespace edgefleet::cli {

void register_validate(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("validate",
                                 "Check a scenario without simulating (exit 0 if valid, 2 if not)");
  auto source = std::make_shared<ScenarioSource>();
  source->add_options(*cmd, /*scenario_required=*/true);
  cmd->callback([source, &status] {
    const scenario::Scenario s = source->load();
    std::printf(
        "%s: valid — %lld devices, %lld edges, %lld fogs, %lld cloud hosts, %zu workload(s)",
        source->display_name().c_str(), static_cast<long long>(s.device_count()),
        static_cast<long long>(s.edge_count()), static_cast<long long>(s.fog_count()),
        static_cast<long long>(s.cloud_host_count()), s.workloads.size());
    if (s.federated.enabled) {
      std::printf(", federated: %lld clients, %lld per round, %d rounds (%s, %s)",
                  static_cast<long long>(s.federated.clients),
                  static_cast<long long>(s.federated.clients_per_round), s.federated.rounds,
                  s.federated.mode.c_str(), s.federated.aggregator.name.c_str());
    }
    std::printf("\n");
    for (const std::string& note : scenario::speed_notes(s))
      std::printf("note: %s\n", note.c_str());
    status = kExitOk;
  });
}

}  // namespace edgefleet::cli
