#ifndef KPISHEET_CNUMBERPARSING_H
#define KPISHEET_CNUMBERPARSING_H

/// Parses a decimal number like `strtod`, but always in the C locale (a host program's
/// `setlocale` must not turn "0.5" into 0). The corresponding C function is `strtod_l`.
double kpisheet_strtod_c(const char *text, char **end);

#endif
