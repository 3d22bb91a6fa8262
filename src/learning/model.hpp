#pragma once
// A classifier trained by SGD and aggregated by federated code. Every model keeps ALL of its
// parameters in ONE flat vector, so aggregators, compression and privacy work on vectors without
// knowing the architecture.
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "learning/dataset.hpp"

namespace edgefleet::learning {

// Scratch matrices for Model::batch_gradient, owned by the caller (one per training loop). Kept
// out of the model so the SGD hot path reuses buffers instead of allocating per batch, while a
// const model stays safe to share between threads.
struct GradientWorkspace {
  std::vector<Eigen::MatrixXd> matrices;
};

class Model {
 public:
  virtual ~Model();
  virtual std::unique_ptr<Model> clone() const = 0;

  virtual int input_dim() const = 0;
  virtual int num_classes() const = 0;

  virtual const Eigen::VectorXd& parameters() const = 0;
  // Throws std::invalid_argument when theta's size is not parameter_count().
  virtual void set_parameters(const Eigen::VectorXd& theta) = 0;
  Eigen::Index parameter_count() const { return parameters().size(); }

  // Mean softmax cross-entropy over all rows (0 for an empty dataset).
  virtual double loss(const Dataset& data) const = 0;
  // Share of rows whose arg-max class is the label (0 for an empty dataset).
  virtual double accuracy(const Dataset& data) const = 0;
  // Both, equal to loss() and accuracy(); models override it to do it in one pass over the data.
  struct LossAndAccuracy {
    double loss = 0;
    double accuracy = 0;
  };
  virtual LossAndAccuracy loss_and_accuracy(const Dataset& data) const;

  // Gradient of the mean loss over the rows `rows` (indices into data), in the flat layout.
  virtual Eigen::VectorXd gradient(const Dataset& data,
                                   const std::vector<std::size_t>& rows) const = 0;
  Eigen::VectorXd gradient(const Dataset& data) const;  // all rows

  // The SGD hot path: the mean-loss gradient over a batch given as its feature rows `x`
  // (b x input_dim) and `labels` (b), written into `out` (resized to parameter_count() if it is
  // not already). Implementations reuse `workspace`, so after the first batch no heap allocation
  // happens. The default copies the batch and calls gradient(); both models here override it.
  virtual void batch_gradient(const Eigen::Ref<const Eigen::MatrixXd>& x,
                              std::span<const int> labels, Eigen::VectorXd& out,
                              GradientWorkspace& workspace) const;

  // Floating-point operations per sample, a multiply-add counting as 2 (see each model).
  virtual double flops_per_inference() const = 0;
  virtual double flops_per_training_sample() const = 0;  // forward + backward

 protected:
  Model() = default;
  Model(const Model&) = default;
  Model& operator=(const Model&) = default;
};

}  // namespace edgefleet::learning
