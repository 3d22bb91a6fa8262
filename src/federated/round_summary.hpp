#pragma once
// The federated part of summary.json, computed from the rounds: final and best accuracy, when a
// target accuracy was first reached, totals of bytes and client energy, the DP budget spent.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "federated/round_record.hpp"

namespace edgefleet::federated {

struct RoundSummaryContext {
  std::string mode;
  std::string aggregator;
  std::string server_optimizer;
  std::string dataset;
  long long parameters = 0;
  double download_bytes_per_client = 0;
  double upload_bytes_per_client = 0;
  double target_accuracy = 0;  // 0 = none
  double privacy_delta = 0;
  int rounds_requested = 0;
  RoundMetrics initial;
};

nlohmann::json round_summary_json(const std::vector<RoundRecord>& rounds,
                                  const RoundSummaryContext& context);

}  // namespace edgefleet::federated
