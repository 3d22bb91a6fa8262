#include "federated/aggregator.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>

#include "scenario/named_factory.hpp"

namespace edgefleet::federated {

namespace {

void require_updates(const std::vector<ClientUpdate>& u) {
  if (u.empty()) throw std::invalid_argument("no client updates to aggregate");
}

class FedAvg final : public Aggregator {
 public:
  explicit FedAvg(bool weighted) : weighted_(weighted) {}
  Eigen::VectorXd aggregate(const std::vector<ClientUpdate>& u) const override {
    require_updates(u);
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(u.front().delta.size());
    double total = 0;
    for (const auto& c : u) {
      const double w = weighted_ ? c.num_samples : 1.0;
      sum += w * c.delta;
      total += w;
    }
    if (total <= 0) throw std::invalid_argument("client weights sum to zero");
    return sum / total;
  }

 private:
  bool weighted_;
};

// Coordinate-wise: sort each coordinate's values, drop `trim` from each end, average the rest.
// trim = (n - 1) / 2 on both ends leaves the median (the mean of the two middle values for even n).
class CoordinateTrimmed final : public Aggregator {
 public:
  explicit CoordinateTrimmed(double beta, bool median) : beta_(beta), median_(median) {}
  Eigen::VectorXd aggregate(const std::vector<ClientUpdate>& u) const override {
    require_updates(u);
    const std::size_t n = u.size();
    const std::size_t trim =
        median_ ? (n - 1) / 2
                : static_cast<std::size_t>(std::floor(beta_ * static_cast<double>(n)));
    if (2 * trim >= n)
      throw std::invalid_argument(
          "trimmed mean: 2 floor(beta n) must be < n (n = " + std::to_string(n) + ")");
    const Eigen::Index dim = u.front().delta.size();
    Eigen::VectorXd out(dim);
    std::vector<double> column(n);
    for (Eigen::Index j = 0; j < dim; ++j) {
      for (std::size_t i = 0; i < n; ++i) column[i] = u[i].delta(j);
      std::sort(column.begin(), column.end());
      double s = 0;
      for (std::size_t i = trim; i < n - trim; ++i) s += column[i];
      out(j) = s / static_cast<double>(n - 2 * trim);
    }
    return out;
  }

 private:
  double beta_;
  bool median_;
};

// Krum (Blanchard et al. 2017): score(i) = sum of squared distances to its n - f - 2 nearest
// neighbours; Multi-Krum averages the m best-scored updates (m = 1 is Krum).
class Krum final : public Aggregator {
 public:
  Krum(int f, int m) : f_(f), m_(m) {}
  Eigen::VectorXd aggregate(const std::vector<ClientUpdate>& u) const override {
    require_updates(u);
    const auto n = static_cast<int>(u.size());
    if (n <= 2 * f_ + 2)
      throw std::invalid_argument("krum needs n > 2f + 2 (n = " + std::to_string(n) +
                                  ", f = " + std::to_string(f_) + ")");
    Eigen::MatrixXd dist2(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = i; j < n; ++j)
        dist2(i, j) = dist2(j, i) = (u[i].delta - u[j].delta).squaredNorm();
    std::vector<std::pair<double, int>> scores;
    std::vector<double> row;
    for (int i = 0; i < n; ++i) {
      row.clear();
      for (int j = 0; j < n; ++j)
        if (j != i) row.push_back(dist2(i, j));
      std::sort(row.begin(), row.end());
      double s = 0;
      for (int k = 0; k < n - f_ - 2; ++k) s += row[static_cast<std::size_t>(k)];
      scores.emplace_back(s, i);
    }
    std::sort(scores.begin(), scores.end());  // ties: lower index first
    const int keep = std::min(m_, n);
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(u.front().delta.size());
    for (int k = 0; k < keep; ++k) sum += u[static_cast<std::size_t>(scores[k].second)].delta;
    return sum / keep;
  }

 private:
  int f_, m_;
};

using Factory = std::function<std::unique_ptr<Aggregator>(scenario::ObjectReader&)>;

const std::map<std::string, Factory, std::less<>>& registry() {
  static const std::map<std::string, Factory, std::less<>> r = {
      {"fedavg", [](scenario::ObjectReader&) { return std::make_unique<FedAvg>(true); }},
      {"mean", [](scenario::ObjectReader&) { return std::make_unique<FedAvg>(false); }},
      {"median",
       [](scenario::ObjectReader&) { return std::make_unique<CoordinateTrimmed>(0, true); }},
      {"trimmed_mean",
       [](scenario::ObjectReader& p) {
         return std::make_unique<CoordinateTrimmed>(p.number("beta", 0.1, 0.0, 0.5), false);
       }},
      {"krum",
       [](scenario::ObjectReader& p) {
         return std::make_unique<Krum>(static_cast<int>(p.integer("f", 1, 0)), 1);
       }},
      {"multi_krum",
       [](scenario::ObjectReader& p) {
         return std::make_unique<Krum>(static_cast<int>(p.integer("f", 1, 0)),
                                       static_cast<int>(p.integer("m", 1, 1)));
       }},
  };
  return r;
}

}  // namespace

std::unique_ptr<Aggregator> make_aggregator(const std::string& name, const nlohmann::json& params,
                                            const std::string& name_path,
                                            const std::string& params_path) {
  return scenario::build_named(registry(), "aggregator", name, params, name_path, params_path);
}

std::vector<std::string> aggregator_names() {
  return scenario::registry_names(registry());
}

}  // namespace edgefleet::federated
