import NIOCore

/// Drives a protocol session over one connection: passings go through the sink
/// (batched per read burst), the session's replies go out (acknowledgements
/// only once what they acknowledge is durable), a quiet write side ticks the
/// keep-alive, and a link silent for three ticks is dropped.
final class SessionHandler<Session: DecoderSession>: ChannelInboundHandler {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    private var session: Session
    private let sink: CaptureSink
    private var pending: [String] = []
    private var pendingAcks: [String] = []
    private var quietTicks = 0
    private var opened = false

    static var ticksToSilence: Int { 3 }

    init(session: Session, sink: CaptureSink) {
        self.session = session
        self.sink = sink
    }

    func channelActive(context: ChannelHandlerContext) {
        opened = true
        sink.connectionOpened()
        send(session.opened(sink.stored), context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        store(context)
        if opened { sink.connectionClosed() }
        opened = false
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        quietTicks = 0
        if !session.carriesPassings(line) { store(context) }
        let step = session.received(line, sink.stored)
        pending.append(contentsOf: step.passings)
        pendingAcks.append(contentsOf: step.sendWhenStored)
        if let time = step.decoderTime { sink.decoderClock(time) }
        if let problem = step.problem { sink.messageRejected(problem) }
        send(step.send, context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        store(context)
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        switch idle {
        case .read:
            quietTicks += 1
            if quietTicks >= Self.ticksToSilence {
                sink.connectionSilent()
                context.close(promise: nil)
            } else {
                send(session.keepAlive(sink.stored), context)
            }
        case .write:
            send(session.keepAlive(sink.stored), context)
        case .all:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        store(context)
        sink.linkFailed("\(error)")
        context.close(promise: nil)
    }

    /// Writes the pending passings; their acknowledgements go out once the file is
    /// fsync'd, and not at all if writing failed (so the decoder side sends them again).
    private func store(_ context: ChannelHandlerContext) {
        let stored = pending.isEmpty ? 0 : sink.accept(pending)
        pending.removeAll(keepingCapacity: true)
        defer { pendingAcks.removeAll(keepingCapacity: true) }
        guard stored != nil, !pendingAcks.isEmpty else { return }
        let acks = Session.framing.bytes(pendingAcks, context.channel.allocator)
        let channel = context.channel
        // Called on the syncer's thread: an ack for a connection gone meanwhile is not sent (the side resends).
        sink.whenDurable { if channel.isActive { channel.writeAndFlush(acks, promise: nil) } }
    }

    private func send(_ lines: [String], _ context: ChannelHandlerContext) {
        guard !lines.isEmpty else { return }
        context.writeAndFlush(wrapOutboundOut(Session.framing.bytes(lines, context.channel.allocator)), promise: nil)
    }
}
