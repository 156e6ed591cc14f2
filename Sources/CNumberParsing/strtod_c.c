#define _GNU_SOURCE
#include "CNumberParsing.h"

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void) { c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0); }

double kpisheet_strtod_c(const char *text, char **end) {
  pthread_once(&c_locale_once, make_c_locale);
  if (c_locale == (locale_t)0) return strtod(text, end);
  return strtod_l(text, end, c_locale);
}
