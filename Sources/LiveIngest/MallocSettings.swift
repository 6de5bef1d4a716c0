#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// How glibc's malloc is set for racedash's processes.
public enum MallocSettings {
    /// Called first thing in every racedash process. glibc serves a block of
    /// 128 KiB or more with a mapping of its own, and once such a block is
    /// freed it raises that bound to the block's size (up to 32 MiB): the
    /// read files' buffers of a load, freed, sent every later big array into
    /// the heap, where a freed one leaves a hole the process keeps. With the
    /// bound fixed, a 50,000-runner `results` peaked 2.8 MiB lower and a
    /// live catch-up 5 MiB lower, and was no slower.
    public static func returnBigBlocksOnFree() {
        mallopt(name: -3, value: 256 << 10)  // M_MMAP_THRESHOLD in malloc.h
    }

    /// Called first thing in every racedash process too. A worker thread's
    /// malloc arena grows its heap a page at a time, each page made
    /// writable with a call of its own under the process's memory-map lock,
    /// and gives back any free top over 128 KiB, to grow it again at the
    /// next allocation. A 50,000-runner `results` made 4,400 such calls,
    /// the two cores queueing on the lock while the timelines were built.
    /// Heaps made with 16 MiB of room: 1,400 calls, 5% less CPU, the same
    /// peak (pages never touched cost no memory). A live feed's process
    /// makes them tight again (`limitArenasToCores`).
    public static func growHeapsInBigSteps() {
        mallopt(name: -2, value: 16 << 20)  // M_TOP_PAD in malloc.h
    }

    /// glibc gives threads malloc arenas of their own, up to eight per core, and
    /// each arena keeps the pieces freed in it. A live feed runs a tailing thread
    /// per read file beside the worker pool: at 50,000 runners its catch-up held
    /// some 11 MiB more than with an arena per core, and was no slower. Only for
    /// processes that tail files: a replay's seeks, allocating on every core at
    /// once, took half as long again with so few arenas.
    /// Called first thing in a command that follows a live feed, before its tailing threads start.
    /// Heaps are also made tight again (`growHeapsInBigSteps` undone): a
    /// process that runs all day keeps its memory low before it saves a
    /// few ms (its catch-up peaked 3 MiB higher with the room).
    public static func limitArenasToCores() {
        mallopt(name: -8, value: ParallelParts.cores)  // M_ARENA_MAX
        mallopt(name: -2, value: 128 << 10)  // M_TOP_PAD, glibc's default
    }

    /// `mallopt` is not in Swift's Glibc module: looked up by name.
    private static func mallopt(name: Int32, value: Int) {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(name, Int32(clamping: value))
        #endif
    }
}
