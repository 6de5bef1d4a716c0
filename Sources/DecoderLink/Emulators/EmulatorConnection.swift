import NIOCore

/// One connection of an emulated decoder: lines in, the emulator's answers out.
final class EmulatorConnection: ChannelInboundHandler {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    private let opened: @Sendable (Channel) -> Void
    private let respond: @Sendable (String, Channel) -> Void
    private let closed: @Sendable (Channel) -> Void

    init(
        opened: @escaping @Sendable (Channel) -> Void, respond: @escaping @Sendable (String, Channel) -> Void,
        closed: @escaping @Sendable (Channel) -> Void
    ) {
        self.opened = opened
        self.respond = respond
        self.closed = closed
    }

    func channelActive(context: ChannelHandlerContext) {
        opened(context.channel)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        respond(unwrapInboundIn(data), context.channel)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    static func install(
        on channel: Channel, framing: Framing = .lines, _ handler: @escaping @Sendable () -> EmulatorConnection
    ) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandlers(
                ByteToMessageHandler(FrameDecoder(framing: framing, maxLength: DecoderLinks.maxMessageLength)),
                handler())
        }
    }

    /// Sends whole messages (lines unless `framing` says otherwise); with
    /// `cutAfter`, only that many bytes of them, then closes (a message cut mid-way).
    static func send(_ lines: [String], to channel: Channel, framing: Framing = .lines, cutAfter: Int? = nil) {
        guard !lines.isEmpty else { return }
        var buffer = framing.bytes(lines, channel.allocator)
        if let cut = cutAfter {
            buffer.moveWriterIndex(to: min(cut, buffer.writerIndex))
            channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
        } else {
            channel.writeAndFlush(buffer, promise: nil)
        }
    }
}
