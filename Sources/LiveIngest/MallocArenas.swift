#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// glibc gives threads malloc arenas of their own, up to eight per core, and
/// each arena keeps the pieces freed in it. A live feed runs a tailing thread
/// per read file beside the worker pool: at 50,000 runners its catch-up held
/// some 11 MiB more than with an arena per core, and was no slower. Only for
/// processes that tail files: a replay's seeks, allocating on every core at
/// once, took half as long again with so few arenas.
public enum MallocArenas {
    /// Called first thing in a command that follows a live feed, before its tailing threads start.
    public static func limitToCores() {
        #if canImport(Glibc)
        // `mallopt` is not in Swift's Glibc module: looked up by name (M_ARENA_MAX is -8 in malloc.h).
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-8, Int32(clamping: ParallelParts.cores))
        #endif
    }
}
