// The "federated" section: every field checked here, every registry name resolved now, so a bad
// choice is an input error (exit 2) and never a failure halfway through a run.
#include "core/input_error.hpp"
#include "federated/aggregator.hpp"
#include "federated/attacks.hpp"
#include "federated/client_selection.hpp"
#include "federated/compression.hpp"
#include "federated/server_optimizer.hpp"
#include "scenario/parse_sections.hpp"

namespace edgefleet::scenario::detail {

namespace {

using core::Dimension;
using core::InputError;

void require_one_of(const std::string& value, const std::vector<std::string>& known,
                    const std::string& path, const char* what) {
  for (const auto& k : known)
    if (k == value) return;
  std::string reason = "unknown " + std::string(what) + " '" + value + "'";
  if (auto near = closest_name(value, known); !near.empty())
    reason += " (did you mean '" + near + "'?)";
  throw InputError(path, reason + "; known: " + join_names(known));
}

// {"name": ..., "params": {...}} resolved through `make`, which validates name and parameters.
template <typename Make>
NamedChoice parse_named(ObjectReader& parent, const char* key, const char* default_name,
                        Make make) {
  static const Json empty = Json::object();
  const Json* j = parent.get(key);
  ObjectReader r(j ? *j : empty, parent.path_of(key));
  NamedChoice c;
  c.name = r.string("name", default_name);
  if (const Json* p = r.get("params")) c.params = *p;
  r.finish();
  make(c.name, c.params, r.path_of("name"), r.path_of("params"));
  return c;
}

void parse_dataset(ObjectReader& fl, FederatedDataset& d) {
  static const Json empty = Json::object();
  const Json* j = fl.get("dataset");
  ObjectReader r(j ? *j : empty, fl.path_of("dataset"));
  d.kind = r.string("kind", "synthetic");
  require_one_of(d.kind, {"synthetic", "fashion_mnist", "csv"}, r.path_of("kind"), "dataset");
  d.train_fraction = r.number("train_fraction", 0.9, 0.01, 0.99);
  if (d.kind == "synthetic") {
    d.alpha = r.number("alpha", 1.0, 0.0, 1e6);
    d.beta = r.number("beta", 1.0, 0.0, 1e6);
    d.iid = r.boolean("iid", false);
    d.max_samples_per_client = static_cast<int>(r.integer("max_samples_per_client", 0, 0));
  } else {
    d.path = r.string("path", d.kind == "fashion_mnist" ? "/usr/share/datasets/fashion-mnist" : "");
    if (d.path.empty()) throw InputError(r.path_of("path"), "a CSV dataset needs a file path");
    d.max_samples = r.integer("max_samples", 0, 0);
    d.partition = r.string("partition", "iid");
    require_one_of(d.partition, {"iid", "dirichlet", "shards"}, r.path_of("partition"),
                   "partition");
    d.dirichlet_alpha = r.number("dirichlet_alpha", 0.5, 1e-6, 1e6);
    d.shards_per_client = static_cast<int>(r.integer("shards_per_client", 2, 1));
  }
  r.finish();
}

void parse_local(ObjectReader& fl, learning::SgdConfig& l) {
  static const Json empty = Json::object();
  const Json* j = fl.get("local");
  ObjectReader r(j ? *j : empty, fl.path_of("local"));
  l.local_epochs = static_cast<int>(r.integer("epochs", 1, 1));
  l.batch_size = static_cast<int>(r.integer("batch_size", 10, 1));
  l.learning_rate = r.number("learning_rate", 0.01, 1e-12, 1e3);
  l.momentum = r.number("momentum", 0.0, 0.0, 0.999);
  l.weight_decay = r.number("weight_decay", 0.0, 0.0, 1e3);
  l.prox_mu = r.number("prox_mu", 0.0, 0.0, 1e6);
  r.finish();
}

}  // namespace

void parse_federated(ObjectReader& root, Scenario& out) {
  const Json* j = root.get("federated");
  if (!j) return;
  ObjectReader fl(*j, root.path_of("federated"));
  FederatedSpec& f = out.federated;
  f.enabled = fl.boolean("enabled", true);
  parse_dataset(fl, f.dataset);

  static const Json empty = Json::object();
  const Json* m = fl.get("model");
  ObjectReader model(m ? *m : empty, fl.path_of("model"));
  f.model_kind = model.string("kind", "logistic");
  require_one_of(f.model_kind, {"logistic", "mlp"}, model.path_of("kind"), "model kind");
  if (const Json* h = model.get("hidden")) {
    if (!h->is_array()) throw InputError(model.path_of("hidden"), "expected an array of widths");
    for (std::size_t i = 0; i < h->size(); ++i) {
      const std::string p = json_pointer_index(model.path_of("hidden"), i);
      if (!(*h)[i].is_number_integer() || (*h)[i].get<std::int64_t>() < 1)
        throw InputError(p, "expected a positive integer width");
      f.hidden_layers.push_back((*h)[i].get<int>());
    }
  } else if (f.model_kind == "mlp") {
    f.hidden_layers = {64};
  }
  model.finish();

  f.clients = fl.integer("clients", 30, 1);
  f.clients_per_round = fl.integer("clients_per_round", std::min<std::int64_t>(10, f.clients), 1);
  if (f.clients_per_round > f.clients)
    throw InputError(fl.path_of("clients_per_round"),
                     "exceeds the number of clients (" + std::to_string(f.clients) + ")");
  if (f.clients > out.device_count())
    throw InputError(
        fl.path_of("clients"),
        "the fleet has only " + std::to_string(out.device_count()) + " devices to act as clients");
  f.rounds = static_cast<int>(fl.integer("rounds", 10, 1));
  f.mode = fl.string("mode", "sync");
  require_one_of(f.mode, {"sync", "async"}, fl.path_of("mode"), "mode");
  f.coordinator = fl.string("coordinator", "cloud");
  require_one_of(f.coordinator, {"cloud", "fog"}, fl.path_of("coordinator"), "coordinator");
  if (f.coordinator == "fog" && f.mode == "async")
    throw InputError(fl.path_of("coordinator"), "hierarchical (fog) aggregation is synchronous");
  f.start_s = fl.quantity("start", Dimension::kSeconds, 0.0, Bound::kNonNegative);
  f.round_interval_s = fl.quantity("round_interval", Dimension::kSeconds, 0.0, Bound::kNonNegative);
  f.round_deadline_s = fl.quantity("round_deadline", Dimension::kSeconds, 0.0, Bound::kNonNegative);

  f.selection = parse_named(fl, "selection", "uniform", federated::make_client_selector);
  f.aggregator = parse_named(fl, "aggregator", "fedavg", federated::make_aggregator);
  f.server_optimizer = parse_named(fl, "server_optimizer", "sgd", federated::make_server_optimizer);
  f.compression = parse_named(fl, "compression", "none", federated::make_compressor);
  parse_local(fl, f.local);

  const Json* st = fl.get("stragglers");
  ObjectReader strag(st ? *st : empty, fl.path_of("stragglers"));
  f.stragglers.fraction = strag.number("fraction", 0.0, 0.0, 1.0);
  f.stragglers.policy = strag.string("policy", "drop");
  require_one_of(f.stragglers.policy, {"drop", "partial"}, strag.path_of("policy"),
                 "straggler policy");
  strag.finish();

  const Json* av = fl.get("availability");
  ObjectReader avail(av ? *av : empty, fl.path_of("availability"));
  f.availability.mean_online_s =
      avail.quantity("mean_online", Dimension::kSeconds, 0.0, Bound::kNonNegative);
  f.availability.mean_offline_s =
      avail.quantity("mean_offline", Dimension::kSeconds, 0.0, Bound::kNonNegative);
  if ((f.availability.mean_online_s > 0) != (f.availability.mean_offline_s > 0))
    throw InputError(avail.path(), "give both mean_online and mean_offline, or neither");
  avail.finish();

  const Json* pv = fl.get("privacy");
  ObjectReader priv(pv ? *pv : empty, fl.path_of("privacy"));
  f.privacy.clip_norm = priv.number("clip_norm", 0.0, 0.0, 1e12);
  f.privacy.noise_multiplier = priv.number("noise_multiplier", 0.0, 0.0, 1e6);
  f.privacy.delta = priv.number("delta", 1e-5, 1e-300, 1.0);
  if (f.privacy.noise_multiplier > 0 && f.privacy.clip_norm <= 0)
    throw InputError(priv.path_of("noise_multiplier"), "DP noise needs a positive clip_norm");
  priv.finish();

  const Json* at = fl.get("attack");
  f.attack = federated::parse_attack_spec(at ? *at : empty, fl.path_of("attack"));

  f.buffer_size = static_cast<int>(fl.integer("buffer_size", 10, 1));
  f.staleness_exponent = fl.number("staleness_exponent", 0.5, 0.0, 10.0);
  f.max_concurrency = static_cast<int>(fl.integer("max_concurrency", 0, 0));
  f.max_parallel_transfers = static_cast<int>(fl.integer("max_parallel_transfers", 0, 0));
  f.bytes_per_parameter = fl.number("bytes_per_parameter", 4.0, 0.125, 16.0);
  f.target_accuracy = fl.number("target_accuracy", 0.0, 0.0, 1.0);
  f.evaluate_train_loss = fl.boolean("evaluate_train_loss", true);
  fl.finish();
}

}  // namespace edgefleet::scenario::detail
