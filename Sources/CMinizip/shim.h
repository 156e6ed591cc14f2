#ifndef KPISHEET_CMINIZIP_SHIM_H
#define KPISHEET_CMINIZIP_SHIM_H

#include <minizip/unzip.h>

#endif
