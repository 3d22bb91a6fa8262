#pragma once
// Calibrated confidence of a model variant's answer, for speculative cascades and ensembles.
//
// Model: the top-1 confidence c of one answer is drawn as c = U^((1-a)/a) with U ~ Uniform(0,1)
// and a the variant's published accuracy. This power law has mean E[c] = a, and we take the
// variant as perfectly calibrated, P(correct | c) = c, so the variant's overall accuracy equals the
// zoo figure exactly. A cascade that answers locally when c >= threshold therefore delivers
// accuracy c on those requests, and the escalated ones get the cloud variant's accuracy.
#include "core/rng.hpp"

namespace edgefleet::scheduler {

double draw_confidence(double accuracy, core::Rng& rng);

// P(c >= threshold) under the model above: 1 - threshold^(a/(1-a)).
double answer_locally_probability(double accuracy, double threshold);

}  // namespace edgefleet::scheduler
