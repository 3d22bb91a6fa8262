#pragma once
// Federated rounds on the simulated fleet. No actor per client (DESIGN principle 5): rounds start
// on kernel timers; each selected client's download, local training (an Exec of the task's flops
// on the client's own host, so host speed and load decide stragglers) and upload are SimGrid
// activities chained from their completions, started by maestro. The numerics come from
// edgefleet::federated::FederatedTrainer once the simulation knows who finished in time.
#include <array>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <utility>
#include <vector>

#include <simgrid/forward.h>

#include "core/rng.hpp"
#include "core/serial_worker.hpp"
#include "federated/availability.hpp"
#include "federated/client_selection.hpp"
#include "federated/round_record.hpp"
#include "federated/trainer.hpp"
#include "scenario/scenario.hpp"
#include "sim/fleet.hpp"

namespace edgefleet::sim::federated {

using edgefleet::federated::RoundRecord;

class FederatedDriver {
 public:
  FederatedDriver(const scenario::Scenario& s, const Fleet& fleet,
                  edgefleet::federated::FederatedTrainer& trainer);
  ~FederatedDriver();

  void start();  // installs the first round's timer; call before Engine::run
  // Waits for the numerics of sync rounds still running on the worker (see close_sync_round).
  const std::vector<RoundRecord>& rounds() const;
  bool finished() const { return finished_; }
  // Index of the fleet device that plays client k (clients spread evenly over the devices).
  std::int64_t device_of(std::int64_t client) const;

 private:
  enum Stage : std::uint8_t { kDownload = 0, kTrain = 1, kUpload = 2, kFogUpload = 3 };
  struct ClientRun {
    edgefleet::federated::ClientTask task;
    Stage stage = kDownload;
    bool active = true;  // false once it finished, was dropped or the round closed
    double start_s = 0;
    double energy_start_j = 0;
    int fog = -1;                                               // aggregating fog (hierarchical)
    edgefleet::federated::FederatedTrainer::Snapshot snapshot;  // async
    int start_version = 0;                                      // async
    simgrid::s4u::ActivityPtr activity;
    bool holds_gate = false;  // counts against its aggregator's max_parallel_transfers
  };
  // Transfers to or from one aggregator (the coordinator, or a fog) beyond max_parallel_transfers
  // wait here, in FIFO order: a server's connection limit, and fewer flows in SimGrid's solver.
  struct TransferGate {
    std::size_t in_flight = 0;
    std::deque<std::size_t> waiting;  // run slots
  };

  void begin_sync_round();
  void launch_client(std::int64_t client);
  void start_stage(std::size_t slot);
  void start_transfer(std::size_t slot);
  std::size_t gate_of(const ClientRun& run) const;
  void release_gate(ClientRun& run);
  void on_completion(std::uint64_t payload, const simgrid::s4u::Activity& completed);
  void retire(simgrid::s4u::ActivityPtr activity);
  void rotate_retired();
  void client_done(std::size_t slot);
  void client_lost(std::size_t slot, std::int64_t RoundRecord::*counter);
  void fog_client_left(int fog);
  void fog_upload_done(int fog);
  void maybe_close_sync_round();
  void close_sync_round(bool deadline);
  void async_arrival(std::size_t slot);
  void async_refill();
  void settle() const;  // fills rounds_ with the metrics the worker computed
  std::vector<edgefleet::federated::ClientObservation> observe(bool idle_only);
  double battery_fraction(std::int64_t client) const;
  simgrid::s4u::Host* client_host(std::int64_t client) const;
  simgrid::s4u::Host* aggregator_host(const ClientRun& run) const;
  std::uint64_t payload(std::size_t slot, Stage stage) const;
  void account_energy(const ClientRun& run);

  const scenario::Scenario& s_;
  const scenario::FederatedSpec& spec_;
  const Fleet& fleet_;
  edgefleet::federated::FederatedTrainer& trainer_;
  std::unique_ptr<edgefleet::federated::ClientSelector> selector_;
  core::Rng selection_rng_;
  std::vector<edgefleet::federated::AvailabilityTrace> availability_;
  std::vector<double> battery_start_;  // fraction, per client
  std::vector<double> energy_used_j_;  // FL energy spent per client, drains its battery
  std::vector<bool> busy_;             // async: client currently running
  simgrid::s4u::Host* coordinator_ = nullptr;

  int round_ = 0;            // current sync round (1-based) or async server step + 1
  std::uint32_t epoch_ = 0;  // tags activities: completions of an older epoch are ignored
  std::vector<ClientRun> runs_;
  std::vector<TransferGate> gates_;  // 0: coordinator, 1 + f: fog f
  std::size_t keep_ = 0;             // aggregate the first `keep_` finishers (over-commit)
  std::size_t running_ = 0;          // clients still active this round
  std::vector<edgefleet::federated::ClientTask> done_;
  std::vector<int> done_fog_;
  std::vector<int> fog_pending_;  // hierarchical: clients of each fog still active
  std::vector<std::vector<edgefleet::federated::ClientTask>> fog_done_;  // updates held at fogs
  std::vector<simgrid::s4u::ActivityPtr> fog_activity_;
  int fog_uploads_running_ = 0;
  bool closing_ = false;
  RoundRecord current_;
  std::uint64_t async_arrivals_ = 0;
  mutable std::vector<RoundRecord> rounds_;  // sync: metrics arrive from the worker (settle)
  // Finished or cancelled activities of this round and the previous one (see rotate_retired).
  std::array<std::vector<simgrid::s4u::ActivityPtr>, 2> retired_;
  bool launching_ = false;
  bool refilling_ = false;
  bool finished_ = false;
  // Sync rounds' numerics, computed in round order on one background thread; declared last so it
  // is joined before the members its jobs could touch are destroyed.
  mutable std::vector<std::pair<std::size_t, std::future<edgefleet::federated::RoundMetrics>>>
      pending_;  // (index in rounds_, metrics)
  std::unique_ptr<core::SerialWorker> numerics_;
};

}  // namespace edgefleet::sim::federated
