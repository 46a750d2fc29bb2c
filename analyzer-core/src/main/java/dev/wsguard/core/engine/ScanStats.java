package dev.wsguard.core.engine;

/**
 * Where a scan's time went, in nanoseconds per phase, and how many files each phase saw.
 *
 * @param filesDiscovered files found by discovery (after .gitignore, excludes and default skips)
 * @param filesKept files the prefilter kept, plus the imports they pulled in
 * @param bytesRead bytes read from disk
 */
public record ScanStats(
    int filesDiscovered,
    int filesKept,
    long bytesRead,
    long discoveryNanos,
    long readNanos,
    long prefilterNanos,
    long parseNanos,
    long linkNanos,
    long rulesNanos) {}
