import NIOCore

/// Drives a protocol session over one connection: passings go through the sink
/// (batched per read burst), the session's replies go out, a quiet write side
/// ticks the keep-alive, and a link silent for three ticks is dropped.
final class SessionHandler<Session: DecoderSession>: ChannelInboundHandler {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    private var session: Session
    private let sink: CaptureSink
    private var pending: [String] = []
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
        store()
        if opened { sink.connectionClosed() }
        opened = false
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        quietTicks = 0
        if !session.carriesPassings(line) { store() }
        let step = session.received(line, sink.stored)
        pending.append(contentsOf: step.passings)
        if let time = step.decoderTime { sink.decoderClock(time) }
        send(step.send, context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        store()
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
        store()
        sink.linkFailed("\(error)")
        context.close(promise: nil)
    }

    private func store() {
        guard !pending.isEmpty else { return }
        sink.accept(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func send(_ lines: [String], _ context: ChannelHandlerContext) {
        guard !lines.isEmpty else { return }
        var buffer = context.channel.allocator.buffer(capacity: lines.reduce(0) { $0 + $1.utf8.count + 2 })
        for line in lines {
            buffer.writeString(line)
            buffer.writeString("\r\n")
        }
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }
}
