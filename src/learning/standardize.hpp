#pragma once
// Feature scaling with training statistics only, so nothing about the test set leaks into the
// model's inputs.
#include "learning/dataset.hpp"

namespace edgefleet::learning {

// z-scores every column of train and test with the train column's mean and (population)
// standard deviation. A column constant on the training set carries nothing a model can learn;
// it is set to 0 in both sets rather than divided by zero. Throws std::invalid_argument when
// the two sets have different widths.
void standardize(Dataset& train, Dataset& test);

}  // namespace edgefleet::learning
