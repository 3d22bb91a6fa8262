// Placeholder translation unit so edgefleet_sim exists before the platform builder lands.
#include <xbt/base.h>
#include <simgrid/version.h>
namespace edgefleet::sim {
int simgrid_version_major() { return SIMGRID_VERSION_MAJOR; }
}  // namespace edgefleet::sim
