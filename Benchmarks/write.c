/* The writing reference: the benchmark's sheet written by calling libxlsxwriter directly, the
 * same cells, formats and calls as `kpisheet-bench write` (Sources/KPISheetBench), so the two
 * files come out byte for byte the same and the difference in time is the Swift wrapper's.
 * The cells are those of Benchmarks/content.py (which says what each column holds).
 *
 * Usage: write ROWS FILE [--constant-memory]      Build: Benchmarks/bench.sh */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* Weyl sequences: (row + 1) × an odd constant, mod 2^64 (content.py says why). */
#define NAME_STEP 0x9E3779B97F4A7C15ull
#define DECIMAL_STEP 0xBF58476D1CE4E5B9ull
#define PERCENT_STEP 0x94D049BB133111EBull
#define PEOPLE_STEP 0xD6E8FEB86659FD93ull

/* A double in [0, 1) from the top 53 bits. */
static double unit(uint64_t bits) { return (double)(bits >> 11) * 0x1.0p-53; }

/* Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm). */
static lxw_datetime civil(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long day = doy - (153 * mp + 2) / 5 + 1;
  long month = mp < 10 ? mp + 3 : mp - 9;
  long year = yoe + era * 400 + (month <= 2);
  lxw_datetime value = {(int)year, (int)month, (int)day, 0, 0, 0.0};
  return value;
}

static void fail(const char *what, lxw_error error) {
  fprintf(stderr, "%s: %s\n", what, lxw_strerror(error));
  exit(70);
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--constant-memory") != 0)) {
    fprintf(stderr, "usage: write ROWS FILE [--constant-memory]\n");
    return 64;
  }
  long rows = atol(argv[1]);
  lxw_workbook_options options = {.constant_memory = argc == 4, .tmpdir = NULL};
  lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
  if (!workbook) fail("workbook_new_opt", LXW_ERROR_CREATING_XLSX_FILE);
  lxw_worksheet *sheet = workbook_add_worksheet(workbook, "data");
  if (!sheet) fail("workbook_add_worksheet", LXW_ERROR_MEMORY_MALLOC_FAILED);

  /* Formats in the order the Swift wrapper creates them (first use), so the files match. */
  lxw_format *decimal = workbook_add_format(workbook);
  format_set_num_format(decimal, "#,##0.00");
  lxw_format *percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.0%");
  lxw_format *date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy/m/d");
  lxw_format *people = workbook_add_format(workbook);
  format_set_num_format(people, "#,##0\"人\"");

  static const char *names[] = {"観光客数", "ブランド化したガラス商品数", "販売額", "来客数",
                                "就職率"};
  lxw_datetime dates[1000];
  for (int i = 0; i < 1000; i++) dates[i] = civil(18353 + i); /* 18353 is 2020-04-01 */

  char text[64];
  for (long r = 0; r < rows; r++) {
    lxw_row_t row = (lxw_row_t)r;
    uint64_t n = (uint64_t)r + 1;
    int blank = (int)(r % 10); /* one blank cell per row */
    lxw_error e = LXW_NO_ERROR;
    if (blank != 0) e |= worksheet_write_string(sheet, row, 0, names[((n * NAME_STEP) >> 32) % 5], NULL);
    if (blank != 1) {
      snprintf(text, sizeof text, "事業%ld", r % 500);
      e |= worksheet_write_string(sheet, row, 1, text, NULL);
    }
    if (blank != 2) e |= worksheet_write_number(sheet, row, 2, (double)r, NULL);
    if (blank != 3) e |= worksheet_write_number(sheet, row, 3, unit(n * DECIMAL_STEP) * 1000, decimal);
    if (blank != 4) e |= worksheet_write_number(sheet, row, 4, unit(n * PERCENT_STEP), percent);
    if (blank != 5) e |= worksheet_write_datetime(sheet, row, 5, &dates[r % 1000], date);
    if (blank != 6) e |= worksheet_write_number(sheet, row, 6, (double)(((n * PEOPLE_STEP) >> 32) % 100001), people);
    if (blank != 7) {
      snprintf(text, sizeof text, "ユニーク%ld", r);
      e |= worksheet_write_string(sheet, row, 7, text, NULL);
    }
    if (blank != 8) e |= worksheet_write_number(sheet, row, 8, (double)-r, NULL);
    if (blank != 9) e |= worksheet_write_boolean(sheet, row, 9, r % 2 == 0, NULL);
    if (e != LXW_NO_ERROR) fail("worksheet_write_*", LXW_ERROR_PARAMETER_VALIDATION);
  }

  /* A fixed creation time, as kpisheet-bench sets, so the document properties match too. */
  lxw_doc_properties properties = {0};
  properties.created = 1711929600; /* 2024-04-01 00:00:00 UTC */
  lxw_error error = workbook_set_properties(workbook, &properties);
  if (error != LXW_NO_ERROR) fail("workbook_set_properties", error);
  error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) fail("workbook_close", error);
  return 0;
}
