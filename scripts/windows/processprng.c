/* A stand-in for bcryptprimitives.dll, for the wine smoke test ONLY — never shipped.
 *
 * Rust's standard library (since 1.78) gets random bytes from ProcessPrng in
 * bcryptprimitives.dll. Every real Windows 10/11 has it; Debian 12's wine 8.0 does not,
 * so a Rust .exe dies at start-up there. This DLL forwards ProcessPrng to advapi32's
 * SystemFunction036 (RtlGenRandom), which wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
