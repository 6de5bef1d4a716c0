import NIOCore
import NIOPosix
import TimingIngest

/// Every decoder of an event folder, captured into the point read files until
/// cancelled. Started by `racedash capture` and `racedash live`.
public final class DecoderCapture: Sendable {
    public let sinks: [CaptureSink]
    private let group: MultiThreadedEventLoopGroup
    private let syncer: FileSyncer
    private let backoff: Backoff
    private let changes = UpdateBroadcast()

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens every decoder's read file for appending (what it already holds is
    /// read first, so passings sent again are not written twice).
    public init(folder: EventFolder, clock: TimeOfDayClock, backoff: Backoff = Backoff()) throws(Failure) {
        var sinks: [CaptureSink] = []
        for spec in folder.decoders {
            do {
                sinks.append(
                    try CaptureSink(
                        spec: spec, path: EventFolder.join(folder.path, spec.file), clock: clock, changes: changes))
            } catch {
                throw Failure(description: "decoder of point '\(spec.pointId)': \(error)")
            }
        }
        self.sinks = sinks
        self.backoff = backoff
        syncer = FileSyncer()
        for sink in sinks { syncer.add(sink.file) }
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    public var statuses: [DecoderStatus] { sinks.map(\.status) }

    /// Wakes after a passing is written or a link changes, coalesced; ends when the capture stops.
    public func updates() -> AsyncStream<Void> { changes.subscribe() }

    /// Runs every link until the task is cancelled, then syncs the files and stops.
    public func run() async {
        await withTaskGroup(of: Void.self) { links in
            for sink in sinks {
                links.addTask { [group, backoff] in await Self.link(sink, group: group, backoff: backoff) }
            }
        }
        syncer.stop()
        changes.close()
        try? await group.shutdownGracefully()
    }

    static func link(_ sink: CaptureSink, group: EventLoopGroup, backoff: Backoff) async {
        let location = sink.spec.location
        switch sink.spec.kind {
        case .raceResult:
            await DecoderLinks.dial(sink: sink, group: group, backoff: backoff) { RaceResultSession() }
        case .ipico:
            await DecoderLinks.dial(sink: sink, group: group, backoff: backoff) { IPICOSession() }
        case .ctp01:
            await DecoderLinks.listen(sink: sink, group: group, backoff: backoff) { CTP01Session(location: location) }
        case .mylaps:
            await DecoderLinks.listen(sink: sink, group: group, backoff: backoff) { MYLAPSSession(location: location) }
        }
    }
}
