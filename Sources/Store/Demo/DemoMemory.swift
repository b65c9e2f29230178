import CSQLite

/// glibc malloc tuning for the bulk load only. By default glibc gives freed memory at the top of the heap back to
/// the kernel (trim) and serves big blocks with fresh mmaps; the load frees and re-allocates the same few hundred MB
/// all the time, so the kernel kept zeroing pages it had just taken back (clear_page after every page fault).
/// Keeping what was freed costs nothing here: the process exits after the load.
enum DemoMemory {
    static func keepFreedMemory() {
        // Never trim the heap top; grow it in 64 MB steps; blocks up to 32 MB (glibc's ceiling) from the reused heap, not fresh mmaps.
        csqlite_keep_freed_memory(64 << 20, 32 << 20)
    }
}
