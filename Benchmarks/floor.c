/* The floor the reader is measured against: minizip + libxml2 SAX2 push parsing of every
 * worksheet part, counting <c> elements and nothing else. Build: Benchmarks/run.sh. */
#include <libxml/parser.h>
#include <minizip/unzip.h>
#include <stdio.h>
#include <string.h>

static long cells = 0;

static void start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                  int nns, const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
  (void)ctx; (void)prefix; (void)uri; (void)nns; (void)ns; (void)nattr; (void)ndef; (void)attrs;
  if (name[0] == 'c' && name[1] == 0) cells++;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: floor FILE\n"); return 64; }
  unzFile zip = unzOpen64(argv[1]);
  if (!zip) { fprintf(stderr, "not a zip\n"); return 65; }
  xmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start;
  static char buffer[65536];
  for (int status = unzGoToFirstFile(zip); status == UNZ_OK; status = unzGoToNextFile(zip)) {
    char name[512];
    unz_file_info64 info;
    unzGetCurrentFileInfo64(zip, &info, name, sizeof name, NULL, 0, NULL, 0);
    if (strncmp(name, "xl/worksheets/", 14) != 0 || strstr(name, "_rels")) continue;
    unzOpenCurrentFile(zip);
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, name);
    int n;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) xmlParseChunk(ctxt, buffer, n, 0);
    xmlParseChunk(ctxt, NULL, 0, 1);
    xmlFreeParserCtxt(ctxt);
    unzCloseCurrentFile(zip);
  }
  unzClose(zip);
  printf("cells %ld\n", cells);
  return 0;
}
