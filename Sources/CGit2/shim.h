#ifndef BURSAR_CGIT2_SHIM_H
#define BURSAR_CGIT2_SHIM_H
#include <git2.h>
#endif
