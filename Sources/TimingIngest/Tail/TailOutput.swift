/// The tailing thread's read buffer and its outgoing batch of events, shared
/// by all of its files. Confined to that thread.
final class TailOutput {
    /// Catch-up reads this much per system call rather than a line at a time.
    static let chunkSize = 1 << 20

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
