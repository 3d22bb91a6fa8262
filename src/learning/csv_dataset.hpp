#pragma once
// Datasets from comma-separated text: each line holds the features, then the label (an integer
// >= 0) in the last column. ".gz" files are read through zlib. num_classes = max label + 1.
#include <string>

#include "learning/dataset.hpp"
#include "learning/standardize.hpp"  // standardize(), usually applied right after loading

namespace edgefleet::learning {

// Throws std::runtime_error "<path>:<line>: <reason>" for an unparsable number, a negative or
// non-integer label, a row whose column count differs from the first row's, fewer than two
// columns, or a file without data rows. Blank lines are skipped.
Dataset load_csv_dataset(const std::string& path, bool has_header = false);

}  // namespace edgefleet::learning
