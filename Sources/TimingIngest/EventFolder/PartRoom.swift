import RaceModel

/// Where one part of a parallel load puts its reads: a run of the joined
/// log's storage, room for about as many reads as the part's files have
/// lines (`ReadFileScanner.lineEstimate`).
/// The part parses into its own log as ever, and every `batch` reads they
/// move here: the log's array stays small and its memory is used again,
/// where each part's reads were written into fresh pages and then copied
/// into the fresh pages of the joined log.
struct PartRoom {
    static let batch = 4_096
    let start: UnsafeMutablePointer<TimedRead>
    let room: Int
    /// Reads moved in, from `start` on.
    private(set) var written = 0

    init(start: UnsafeMutablePointer<TimedRead>, room: Int) {
        self.start = start
        self.room = room
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
