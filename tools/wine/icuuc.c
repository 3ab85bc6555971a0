/* Stand-in for Windows' system icuuc.dll (Windows 10 1703+), which Wine 8 lacks. Qt6Core.dll
   imports these twenty ucnv_* functions, for rare codecs only: every open fails, so Qt falls
   back to its own codecs. Built and installed by wine_suite.py (python3 dev.py test-windows). */
#include <stddef.h>
#include <stdint.h>
#define EXP __declspec(dllexport)
typedef int UErrorCode;
EXP void *ucnv_open(const char *name, UErrorCode *err) { if (err) *err = 4; /* U_FILE_ACCESS_ERROR */ return NULL; }
EXP void ucnv_close(void *c) {}
EXP void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXP void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXP void ucnv_reset(void *c) {}
EXP int8_t ucnv_getMaxCharSize(const void *c) { return 1; }
EXP const char *ucnv_getName(const void *c, UErrorCode *err) { return ""; }
EXP void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXP void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXP void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) {}
EXP void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) {}
EXP void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *err) {}
EXP void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int32_t o, UErrorCode *err) {}
EXP void ucnv_toUnicode(void) {}
EXP void ucnv_fromUnicode(void) {}
EXP int32_t ucnv_toUCountPending(const void *c, UErrorCode *err) { return 0; }
EXP int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err) { return 0; }
EXP const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { return NULL; }
EXP const char *ucnv_getAvailableName(int32_t n) { return NULL; }
EXP int32_t ucnv_countAvailable(void) { return 0; }
