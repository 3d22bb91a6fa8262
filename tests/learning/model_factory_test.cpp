#include "learning/model_factory.hpp"

#include <gtest/gtest.h>

#include "learning/mlp_model.hpp"
#include "learning/softmax_model.hpp"

namespace edgefleet::learning {
namespace {

TEST(LearningModelFactory, BuildsEachKind) {
  const auto logistic = make_model({}, 60, 10, 1);
  EXPECT_NE(dynamic_cast<const SoftmaxModel*>(logistic.get()), nullptr);
  EXPECT_EQ(logistic->parameter_count(), 60 * 10 + 10);
  EXPECT_EQ(logistic->parameters().cwiseAbs().maxCoeff(), 0.0);  // convex: starts at zero

  const auto mlp = make_model({"mlp", {32, 16}}, 60, 10, 7);
  EXPECT_NE(dynamic_cast<const MlpModel*>(mlp.get()), nullptr);
  EXPECT_EQ(mlp->parameter_count(), 60 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10);
  // The seed reaches the initialisation.
  EXPECT_EQ(mlp->parameters(), MlpModel(60, {32, 16}, 10, 7).parameters());
}

TEST(LearningModelFactory, RejectsUnknownKindsAndBadShapes) {
  try {
    make_model({"cnn", {}}, 4, 2, 1);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("'cnn'"), std::string::npos) << message;
    EXPECT_NE(message.find("logistic, mlp"), std::string::npos) << message;
  }
  EXPECT_THROW(make_model({"logistic", {8}}, 4, 2, 1), std::invalid_argument);
  EXPECT_THROW(make_model({"mlp", {8, 0}}, 4, 2, 1), std::invalid_argument);
  EXPECT_THROW(make_model({}, 0, 2, 1), std::invalid_argument);
}

}  // namespace
}  // namespace edgefleet::learning
