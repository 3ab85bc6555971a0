/* Stand-in for Windows' bcryptprimitives.dll (Windows 8+), which Wine 8 lacks (Wine 9 has it).
   Programs built with Rust 1.78 or newer import its ProcessPrng for random bytes: under Wine 8
   pydantic_core (openai), jiter, grimp (import-linter) and others fail to load without it.
   This one fills the buffer from advapi32's RtlGenRandom (SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
