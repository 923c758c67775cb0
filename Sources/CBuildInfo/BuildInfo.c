// Build facts for `pumptui --version`. scripts/package.sh writes pumptui_build_info.h into its
// scratch directory and adds that directory with -Xcc -I: the header is never in the source tree,
// so a fresh clone builds without it (and says "unknown"), and a new commit recompiles only this
// file (the -I flag stays the same, so no Swift module is rebuilt).
#include <gnu/libc-version.h>
#include "CBuildInfo.h"

#if defined(__has_include)
#if __has_include("pumptui_build_info.h")
#include "pumptui_build_info.h"
#endif
#endif

#ifndef PUMPTUI_BUILD_COMMIT
#define PUMPTUI_BUILD_COMMIT "unknown"
#endif
#ifndef PUMPTUI_BUILD_PACKAGES
#define PUMPTUI_BUILD_PACKAGES ""
#endif
#ifndef PUMPTUI_BUILD_SWIFT
#define PUMPTUI_BUILD_SWIFT ""
#endif

const char *pumptui_build_commit(void) { return PUMPTUI_BUILD_COMMIT; }
const char *pumptui_build_packages(void) { return PUMPTUI_BUILD_PACKAGES; }
const char *pumptui_build_swift(void) { return PUMPTUI_BUILD_SWIFT; }
const char *pumptui_glibc_version(void) { return gnu_get_libc_version(); }
