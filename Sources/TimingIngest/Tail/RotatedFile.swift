/// A file rotated away from the followed path while its writer may still
/// append to it: logrotate's `create` renames the file and puts a new one in
/// its place at once, and the decoder keeps writing to the old one until it
/// reopens. It is read on until its writer closes it (inotify says so) or it
/// has not grown for the grace period; then it is given up, and that is said.
/// Confined to the tailing thread.
struct RotatedFile {
    let descriptor: Int32
    var offset: Int
    var splitter: LineSplitter
    var lastGrowth: ContinuousClock.Instant
    /// Its lines keep the generation and numbering they had at the path.
    let generation: Int
    var nextLineNumber: Int
    /// A writer closed it after the rotation: what it holds now is all there is.
    var writerClosed = false

    /// When to give it up if it stays quiet.
    func deadline(grace: Duration) -> ContinuousClock.Instant { lastGrowth.advanced(by: grace) }
}

/// Reading what was appended to an open file, shared by the followed file
/// and a rotated one.
enum AppendedBytes {
    /// Reads from `offset` to the end of `fd`, in big chunks, handing every
    /// piece to `deliver` and the batch to the consumer after each chunk.
    /// nil once the consumer is gone; else the bytes read, or the error.
    static func read(
        _ fd: Int32, offset: inout Int, splitter: inout LineSplitter, _ out: TailOutput,
        _ deliver: (LineSplitter.Piece) -> Void
    ) -> Result<Int, SystemError>? {
        var total = 0
        while true {
            switch SystemFile.read(fd, into: out.buffer, at: offset) {
            case .success(0):
                return .success(total)
            case .success(let count):
                offset += count
                total += count
                splitter.feed(UnsafeRawBufferPointer(rebasing: out.buffer[0..<count]), deliver)
                guard out.flush() else { return nil }
            case .failure(let error):
                return .failure(error)
            }
        }
    }
}
