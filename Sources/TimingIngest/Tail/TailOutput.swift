/// The tailing thread's read buffer and its outgoing batch of events, shared
/// by all of its files. Confined to that thread.
final class TailOutput {
    /// Catch-up reads this much per system call rather than a line at a time.
    /// 64 KiB (a thousand lines or so) keeps what is in flight small and in
    /// cache: on a 50,000-runner folder 1 MiB chunks made catch-up 1.5x slower
    /// and 110 MiB bigger (racedash-bench --child-catch-up).
    static let chunkSize = 1 << 16

    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    private let channel: TailChannel
    private var batch: [TailEvent] = []

    init(channel: TailChannel) {
        self.channel = channel
    }

    deinit {
        buffer.deallocate()
    }

    func emit(_ event: TailEvent) {
        batch.append(event)
    }

    /// Hands the batch to the consumer (blocking while it is behind).
    /// Returns false when the stream has ended and the thread should stop.
    func flush() -> Bool {
        guard !batch.isEmpty else { return true }
        let sent = channel.send(batch)
        batch.removeAll(keepingCapacity: true)
        return sent
    }
}
