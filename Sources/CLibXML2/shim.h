#ifndef KPISHEET_CLIBXML2_SHIM_H
#define KPISHEET_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its ICU headers clash with the ICU inside
// swift-foundation ("'UErrorCode' has different definitions in different modules").
// ICU types only sit behind pointers Swift never reads, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void kpisheet_xmlFree(void *pointer) { xmlFree(pointer); }

/// Swallows libxml2's generic error messages (a variadic callback Swift cannot define).
static inline void kpisheet_ignoreGenericError(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Stops libxml2 printing to standard error on this thread: encoding and I/O errors go
/// through its per-thread generic error handler, not the parser's structured one; the
/// reader reports them itself, as one line.
static inline void kpisheet_silenceGenericErrors(void) {
  xmlSetGenericErrorFunc(NULL, kpisheet_ignoreGenericError);
}

#endif
