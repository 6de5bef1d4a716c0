import NIOCore
import NIOPosix
import Synchronization

/// Runs one decoder's link until cancelled: connecting out (and again after
/// every drop, with backoff), or listening for the decoder side to connect in.
enum DecoderLinks {
    /// Messages longer than this are not a decoder's (a MYLAPS Store message of 30 passings is ~1.2 KB).
    static let maxMessageLength = 1 << 16

    static func pipeline<S: DecoderSession>(_ channel: Channel, sink: CaptureSink, session: S) -> EventLoopFuture<Void>
    {
        let tick = TimeAmount.milliseconds(Int64(max(sink.spec.silentAfter / SessionHandler<S>.ticksToSilence, 10)))
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandlers(
                IdleStateHandler(readTimeout: tick, writeTimeout: tick),
                ByteToMessageHandler(FrameDecoder(framing: S.framing, maxLength: maxMessageLength)),
                SessionHandler(session: session, sink: sink))
        }
    }

    static func dial<S: DecoderSession>(
        sink: CaptureSink, group: EventLoopGroup, backoff: Backoff,
        session: @escaping @Sendable () -> S
    ) async {
        await redial(
            host: sink.spec.host, port: sink.spec.port, group: group, backoff: backoff,
            failed: { sink.linkFailed("cannot connect to \(sink.spec.endpoint): \($0)") },
            initializer: { pipeline($0, sink: sink, session: session()) })
    }

    /// Connects, waits for the connection to close, and connects again after a
    /// backoff, until the task is cancelled (which closes the connection).
    static func redial(
        host: String, port: Int, group: EventLoopGroup, backoff: Backoff,
        failed: @escaping @Sendable (Error) -> Void,
        initializer: @escaping @Sendable (Channel) -> EventLoopFuture<Void>
    ) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                let channel = try await ClientBootstrap(group: group)
                    .connectTimeout(.seconds(5))
                    .channelOption(.socketOption(.tcp_nodelay), value: 1)
                    .channelInitializer(initializer)
                    .connect(host: host, port: port).get()
                failures = 0
                await withTaskCancellationHandler {
                    try? await channel.closeFuture.get()
                } onCancel: {
                    channel.close(promise: nil)
                }
            } catch {
                failed(error)
                failures += 1
            }
            try? await Task.sleep(for: backoff.delay(afterFailures: failures))
        }
    }

    static func listen<S: DecoderSession>(
        sink: CaptureSink, group: EventLoopGroup, backoff: Backoff,
        session: @escaping @Sendable () -> S
    ) async {
        let spec = sink.spec
        let children = Mutex<[Channel]>([])
        var failures = 0
        while !Task.isCancelled {
            do {
                let server = try await ServerBootstrap(group: group)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                    .childChannelInitializer { child in
                        // The decoder side dialled again: its old connection is dead or about to be.
                        let previous = children.withLock { list -> [Channel] in
                            defer { list = [child] }
                            return list
                        }
                        for old in previous { old.close(promise: nil) }
                        return pipeline(child, sink: sink, session: session())
                    }
                    .bind(host: spec.host, port: spec.port).get()
                if let address = server.localAddress, let port = address.port {
                    sink.bound(
                        to: address.ipAddress.map { $0.contains(":") ? "[\($0)]:\(port)" : "\($0):\(port)" }
                            ?? spec.endpoint)
                }
                failures = 0
                await withTaskCancellationHandler {
                    try? await server.closeFuture.get()
                } onCancel: {
                    server.close(promise: nil)
                    for child in children.withLock({ $0 }) { child.close(promise: nil) }
                }
            } catch {
                sink.linkFailed("cannot listen on \(spec.endpoint): \(error)")
                failures += 1
            }
            try? await Task.sleep(for: backoff.delay(afterFailures: failures))
        }
    }
}
