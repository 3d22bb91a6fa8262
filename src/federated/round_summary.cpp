#include "federated/round_summary.hpp"

#include "metrics/json_summary.hpp"

namespace edgefleet::federated {

nlohmann::json round_summary_json(const std::vector<RoundRecord>& rounds,
                                  const RoundSummaryContext& c) {
  using metrics::json_number;
  double bytes_down = 0, bytes_up = 0, energy_j = 0;
  long long selected = 0, completed = 0, stragglers = 0, late = 0, dropped = 0;
  double best_accuracy = c.initial.test_accuracy;
  nlohmann::json target = nullptr;
  for (const auto& r : rounds) {
    bytes_down += r.bytes_down;
    bytes_up += r.bytes_up;
    energy_j += r.client_energy_j;
    selected += r.selected;
    completed += r.completed;
    stragglers += r.stragglers;
    late += r.late;
    dropped += r.dropped;
    if (r.metrics.test_accuracy > best_accuracy) best_accuracy = r.metrics.test_accuracy;
    if (c.target_accuracy > 0 && target.is_null() && r.metrics.test_accuracy >= c.target_accuracy) {
      target = {{"round", r.round}, {"simulated_s", json_number(r.end_s)}};
    }
  }
  const RoundMetrics& last = rounds.empty() ? c.initial : rounds.back().metrics;
  nlohmann::json j = {{"mode", c.mode},
                      {"aggregator", c.aggregator},
                      {"server_optimizer", c.server_optimizer},
                      {"dataset", c.dataset},
                      {"parameters", c.parameters},
                      {"rounds_requested", c.rounds_requested},
                      {"rounds_completed", static_cast<long long>(rounds.size())},
                      {"initial_test_accuracy", json_number(c.initial.test_accuracy)},
                      {"final_test_accuracy", json_number(last.test_accuracy)},
                      {"final_test_loss", json_number(last.test_loss)},
                      {"final_train_loss", json_number(last.train_loss)},
                      {"best_test_accuracy", json_number(best_accuracy)},
                      {"deployed_version", last.deployed_version},
                      {"deployed_accuracy", json_number(last.deployed_accuracy)},
                      {"simulated_s", json_number(rounds.empty() ? 0.0 : rounds.back().end_s)},
                      {"clients",
                       {{"selected", selected},
                        {"completed", completed},
                        {"stragglers", stragglers},
                        {"late", late},
                        {"dropped", dropped}}},
                      {"bytes",
                       {{"down", json_number(bytes_down)},
                        {"up", json_number(bytes_up)},
                        {"per_client_download", json_number(c.download_bytes_per_client)},
                        {"per_client_upload", json_number(c.upload_bytes_per_client)}}},
                      {"client_energy_j", json_number(energy_j)},
                      {"target_accuracy", json_number(c.target_accuracy)},
                      {"target_reached", target}};
  if (c.privacy_delta > 0)
    j["privacy"] = {{"epsilon", json_number(last.epsilon)},
                    {"delta", json_number(c.privacy_delta)}};
  return j;
}

}  // namespace edgefleet::federated
