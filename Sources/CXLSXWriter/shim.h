#ifndef KPISHEET_CXLSXWRITER_SHIM_H
#define KPISHEET_CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

#endif
