#ifndef CBUILDINFO_H
#define CBUILDINFO_H

/* The commit pumptui was built from ("unknown" outside scripts/package.sh). */
const char *pumptui_build_commit(void);
/* "name version" pairs of the Swift packages it was built with, one per line ("" when unknown). */
const char *pumptui_build_packages(void);
/* The Swift compiler that built it ("" when unknown). */
const char *pumptui_build_swift(void);
/* The glibc the process runs on (gnu_get_libc_version; not exported by Swift's Glibc module). */
const char *pumptui_glibc_version(void);

#endif
