#pragma once
// SimGrid 3.32 has one global Activity::on_completion signal. Several parts of a run (serving,
// federated rounds) chain their activities from it, so one callback dispatches each completion to
// the part that started the activity, named by a tag in the activity's user data. Activities with
// no data (started by actors that wait on them) are ignored.
#include <cstdint>
#include <functional>

namespace simgrid::s4u {
class Activity;
}

namespace edgefleet::sim {

enum class ActivityOwner : std::uint8_t { kServing = 1, kFederated = 2 };
inline constexpr int kActivityOwnerCount = 3;

// The user-data value for an activity of `owner`; payload must fit in 56 bits.
void* tag_activity(ActivityOwner owner, std::uint64_t payload);

using CompletionHandler = std::function<void(std::uint64_t payload, const simgrid::s4u::Activity&)>;

// Routes completions of `owner`'s activities to `handler`. Installs the global callback on first
// use (once per process, as SimGrid signals cannot be disconnected in 3.32).
void set_completion_handler(ActivityOwner owner, CompletionHandler handler);

}  // namespace edgefleet::sim
