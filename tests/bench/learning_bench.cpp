// One local epoch of minibatch SGD (batch 10, as in FedAvg/FedProx) on 500 samples, including
// the final training-loss pass train_local reports: logistic regression on the FedProx
// Synthetic shape (d = 60, C = 10) and two MLPs. The FLOPS counter uses the models' own
// per-sample counts (forward + backward; the final loss pass is not counted).
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "core/random_draws.hpp"
#include "learning/model_factory.hpp"
#include "learning/sgd.hpp"
#include "learning/synthetic.hpp"
#include "learning/test_data.hpp"

namespace {

using namespace edgefleet;

void BM_LocalEpoch(benchmark::State& state, const char* kind, std::vector<int> hidden, int dim) {
  const int samples = 500, classes = 10;
  const learning::Dataset data = learning::testing::random_dataset(samples, dim, classes, 1);
  auto model = learning::make_model({kind, hidden}, dim, classes, 2);
  const Eigen::VectorXd start = model->parameters();
  learning::SgdConfig config;
  config.learning_rate = 0.01;
  config.batch_size = 10;
  core::Rng rng(3);
  for (auto _ : state) {
    model->set_parameters(start);  // every iteration trains the same starting point
    benchmark::DoNotOptimize(learning::train_local(*model, data, config, rng));
  }
  state.SetItemsProcessed(state.iterations() * samples);
  state.counters["FLOPS"] = benchmark::Counter(
      model->flops_per_training_sample() * samples * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_LocalEpoch, logistic_60x10, "logistic", std::vector<int>{}, 60)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LocalEpoch, mlp_60_64_10, "mlp", std::vector<int>{64}, 60)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LocalEpoch, mlp_784_128_10, "mlp", std::vector<int>{128}, 784)
    ->Unit(benchmark::kMillisecond);

}  // namespace

// A large federated client (20,000 rows, 9.6 MB of features: beyond L2) as rounds train it, with
// no final loss pass, then the evaluation pass rounds run over every client's rows.
void BM_LargeClientEpoch(benchmark::State& state) {
  const int samples = 20000, dim = 60, classes = 10;
  const learning::Dataset data = learning::testing::random_dataset(samples, dim, classes, 1);
  auto model = learning::make_model({"logistic", {}}, dim, classes, 2);
  const Eigen::VectorXd start = model->parameters();
  learning::SgdConfig config;
  config.report_final_loss = false;
  core::Rng rng(3);
  for (auto _ : state) {
    model->set_parameters(start);
    benchmark::DoNotOptimize(learning::train_local(*model, data, config, rng));
  }
  state.SetItemsProcessed(state.iterations() * samples);
}
BENCHMARK(BM_LargeClientEpoch)->Unit(benchmark::kMillisecond);

// Logistic regression with N(0, 1) weights: an untrained model's loss is a poor workload.
std::unique_ptr<learning::Model> random_logistic(int dim, int classes) {
  auto model = learning::make_model({"logistic", {}}, dim, classes, 2);
  Eigen::VectorXd theta = model->parameters();
  core::Rng rng(4);
  core::fill_standard_normal(rng, theta.data(), static_cast<std::size_t>(theta.size()));
  model->set_parameters(theta);
  return model;
}

void BM_LogisticEvaluation(benchmark::State& state) {
  const int samples = 20000, dim = 60, classes = 10;
  const learning::Dataset data = learning::testing::random_dataset(samples, dim, classes, 1);
  const auto model = random_logistic(dim, classes);
  for (auto _ : state) benchmark::DoNotOptimize(model->loss_and_accuracy(data));
  state.SetItemsProcessed(state.iterations() * samples);
}
BENCHMARK(BM_LogisticEvaluation)->Unit(benchmark::kMillisecond);

// The train-loss pass of a large federation: the global model's loss on 4,096 clients' own
// datasets of 370 rows each (1.5 M rows, 364 MB of float features, each client a separate
// allocation), one client after the other, as FederatedTrainer::train_loss reads them. The data
// is far larger than the caches, so this is the pass's cold rate (BM_LogisticEvaluation: warm).
void BM_LogisticEvaluationCold(benchmark::State& state) {
  const int clients = 4096, rows = 370, dim = 60, classes = 10;
  std::vector<learning::Dataset> data;
  data.reserve(clients);
  for (int k = 0; k < clients; ++k)
    data.push_back(learning::testing::random_dataset(rows, dim, classes, 10 + k));
  const auto model = random_logistic(dim, classes);
  for (auto _ : state)
    for (const auto& d : data) benchmark::DoNotOptimize(model->loss(d));
  state.SetItemsProcessed(state.iterations() * clients * rows);
}
BENCHMARK(BM_LogisticEvaluationCold)->Unit(benchmark::kMillisecond);

// FedProx Synthetic(1, 1) data for 64 uncapped devices (seed 7: ~26,000 rows), as a federation
// builds it: normals, the labelling product and the float copy. Run with EDGEFLEET_THREADS=1 for
// one thread's rate.
void BM_SyntheticData(benchmark::State& state) {
  learning::SyntheticSpec spec;
  spec.num_devices = 64;
  std::size_t rows = 0;
  for (auto _ : state) {
    const auto clients = learning::make_synthetic(spec, 7);
    rows = 0;
    for (const auto& c : clients) rows += c.train.size() + c.test.size();
    benchmark::DoNotOptimize(clients.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_SyntheticData)->Unit(benchmark::kMillisecond);
