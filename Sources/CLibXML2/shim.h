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

#endif
