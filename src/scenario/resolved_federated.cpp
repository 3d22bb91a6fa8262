#include "scenario/parse_sections.hpp"

namespace edgefleet::scenario::detail {

namespace {

Json named_json(const NamedChoice& c) {
  return {{"name", c.name}, {"params", c.params}};
}

}  // namespace

Json federated_json(const FederatedSpec& f) {
  const FederatedDataset& d = f.dataset;
  Json dataset = {{"kind", d.kind}, {"train_fraction", d.train_fraction}};
  if (d.kind == "synthetic") {
    dataset.update({{"alpha", d.alpha},
                    {"beta", d.beta},
                    {"iid", d.iid},
                    {"max_samples_per_client", d.max_samples_per_client}});
  } else {
    dataset.update({{"path", d.path},
                    {"max_samples", d.max_samples},
                    {"partition", d.partition},
                    {"dirichlet_alpha", d.dirichlet_alpha},
                    {"shards_per_client", d.shards_per_client}});
  }
  const learning::SgdConfig& l = f.local;
  return {{"enabled", f.enabled},
          {"dataset", dataset},
          {"model", {{"kind", f.model_kind}, {"hidden", f.hidden_layers}}},
          {"clients", f.clients},
          {"clients_per_round", f.clients_per_round},
          {"rounds", f.rounds},
          {"mode", f.mode},
          {"coordinator", f.coordinator},
          {"start", f.start_s},
          {"round_interval", f.round_interval_s},
          {"round_deadline", f.round_deadline_s},
          {"selection", named_json(f.selection)},
          {"aggregator", named_json(f.aggregator)},
          {"server_optimizer", named_json(f.server_optimizer)},
          {"compression", named_json(f.compression)},
          {"local",
           {{"epochs", l.local_epochs},
            {"batch_size", l.batch_size},
            {"learning_rate", l.learning_rate},
            {"momentum", l.momentum},
            {"weight_decay", l.weight_decay},
            {"prox_mu", l.prox_mu}}},
          {"stragglers", {{"fraction", f.stragglers.fraction}, {"policy", f.stragglers.policy}}},
          {"availability",
           {{"mean_online", f.availability.mean_online_s},
            {"mean_offline", f.availability.mean_offline_s}}},
          {"privacy",
           {{"clip_norm", f.privacy.clip_norm},
            {"noise_multiplier", f.privacy.noise_multiplier},
            {"delta", f.privacy.delta}}},
          {"attack",
           {{"kind", f.attack.kind}, {"fraction", f.attack.fraction}, {"scale", f.attack.scale}}},
          {"buffer_size", f.buffer_size},
          {"staleness_exponent", f.staleness_exponent},
          {"max_concurrency", f.max_concurrency},
          {"max_parallel_transfers", f.max_parallel_transfers},
          {"bytes_per_parameter", f.bytes_per_parameter},
          {"target_accuracy", f.target_accuracy},
          {"evaluate_train_loss", f.evaluate_train_loss}};
}

}  // namespace edgefleet::scenario::detail
