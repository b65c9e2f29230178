#include <sqlite3.h>
// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
static inline sqlite3_destructor_type csqlite_transient(void) { return (sqlite3_destructor_type)-1; }

// sqlite3_config is variadic (Swift cannot call it). Memory statistics take a global mutex on every
// allocation; busops never reads them. Must run before the first connection opens.
static inline int csqlite_disable_memstatus(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

// glibc's malloc tuning lives in <malloc.h>, which Swift's Glibc module does not export; Store's bulk load uses it
// (see DemoMemory.swift). This is the Store target's only C shim, so it sits here. No-op elsewhere.
#if defined(__GLIBC__)
#include <malloc.h>
static inline void csqlite_keep_freed_memory(int top_pad, int mmap_threshold) {
    mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
    mallopt(M_TOP_PAD, top_pad);
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
}
#else
static inline void csqlite_keep_freed_memory(int top_pad, int mmap_threshold) { (void)top_pad; (void)mmap_threshold; }
#endif
