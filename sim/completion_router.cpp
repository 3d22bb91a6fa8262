#include "sim/completion_router.hpp"

#include <array>
#include <stdexcept>

#include <simgrid/s4u.hpp>

namespace edgefleet::sim {

namespace {

constexpr int kPayloadBits = 56;
constexpr std::uint64_t kPayloadMask = (std::uint64_t{1} << kPayloadBits) - 1;

std::array<CompletionHandler, kActivityOwnerCount>& handlers() {
  static std::array<CompletionHandler, kActivityOwnerCount> table;
  return table;
}

}  // namespace

void* tag_activity(ActivityOwner owner, std::uint64_t payload) {
  if (payload > kPayloadMask) throw std::length_error("activity payload exceeds 56 bits");
  const std::uint64_t v = (static_cast<std::uint64_t>(owner) << kPayloadBits) | payload;
  return reinterpret_cast<void*>(static_cast<std::uintptr_t>(v));
}

void set_completion_handler(ActivityOwner owner, CompletionHandler handler) {
  static bool installed = false;
  if (!installed) {
    installed = true;
    simgrid::s4u::Activity::on_completion_cb([](const simgrid::s4u::Activity& a) {
      const auto v = reinterpret_cast<std::uintptr_t>(a.get_data<void>());
      const auto owner = static_cast<std::size_t>(v >> kPayloadBits);
      if (owner == 0 || owner >= handlers().size() || !handlers()[owner]) return;
      handlers()[owner](v & kPayloadMask, a);
    });
  }
  handlers()[static_cast<std::size_t>(owner)] = std::move(handler);
}

}  // namespace edgefleet::sim
