import RaceModel

/// Where one part of a parallel load puts its reads: a run of the joined
/// log's storage, room for about as many reads as the part's files have
/// lines (`ReadFileScanner.lineEstimate`).
/// A line of one read is written here as it is parsed; what a line of
/// several gives goes through the part's own log and is moved here at
/// once. Each part's reads had been written into fresh pages of a log of
/// its own and then copied into the fresh pages of the joined log.
struct PartRoom {
    let start: UnsafeMutablePointer<TimedRead>
    let room: Int
    /// Reads moved in, from `start` on.
    private(set) var written = 0

    init(start: UnsafeMutablePointer<TimedRead>, room: Int) {
        self.start = start
        self.room = room
    }

    /// Puts `read` after those in; false when there is no room left.
    @inline(__always)
    mutating func put(_ read: TimedRead) -> Bool {
        guard written < room else { return false }
        (start + written).initialize(to: read)
        written += 1
        return true
    }

    /// Moves `staged` in, in order; what does not fit stays in `staged`
    /// (a MYLAPS line holding several reads, lines longer at the start of
    /// a file than further on, a file grown since its lines were counted).
    mutating func take(_ staged: inout [TimedRead]) {
        let n = min(staged.count, room - written)
        guard n > 0 else { return }
        // A read is plain data (nothing counted or freed): its bytes are all a move copies.
        staged.withUnsafeBufferPointer { from in
            guard let source = from.baseAddress else { return }
            (start + written).initialize(from: source, count: n)
        }
        if n == staged.count { staged.removeAll(keepingCapacity: true) } else { staged.removeFirst(n) }
        written += n
    }
}
