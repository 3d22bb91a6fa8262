#include "learning/dataset.hpp"

namespace edgefleet::learning {

Dataset subset(const Dataset& d, const std::vector<std::size_t>& rows) {
  Dataset out;
  out.num_classes = d.num_classes;
  out.features.resize(static_cast<Eigen::Index>(rows.size()), d.features.cols());
  out.labels.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.features.row(static_cast<Eigen::Index>(i)) =
        d.features.row(static_cast<Eigen::Index>(rows[i]));
    out.labels.push_back(d.labels[rows[i]]);
  }
  return out;
}

}  // namespace edgefleet::learning
