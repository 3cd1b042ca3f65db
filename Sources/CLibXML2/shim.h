#ifndef NHI_AUDIT_CLIBXML2_SHIM_H
#define NHI_AUDIT_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU headers that clash with Foundation's ICU module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 treats as unsafe shared state.
static inline void nhi_xml_free(void *pointer) { xmlFree(pointer); }
static inline const char *nhi_libxml_version(void) { return LIBXML_DOTTED_VERSION; }
#endif
