import NIOCore

/// Splits a decoder's byte stream into messages as its protocol frames them
/// (lines, or MYLAPS `$`-ended messages). A message still open when the
/// connection ends is dropped: a message cut mid-way is never taken as a
/// passing (the decoder sends it again, or it is fetched).
struct FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    let framing: Framing
    /// Longer than any decoder message; a peer sending more without an end is not a decoder.
    let maxLength: Int

    struct MessageTooLong: Error, CustomStringConvertible {
        let maxLength: Int
        let framing: Framing
        var description: String {
            "more than \(maxLength) bytes without \(framing.end): not a decoder's stream"
        }
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let (message, end) = framing.firstMessage(in: buffer.readableBytesView) else {
            if buffer.readableBytes > maxLength { throw MessageTooLong(maxLength: maxLength, framing: framing) }
            return .needMoreData
        }
        buffer.moveReaderIndex(to: end)
        context.fireChannelRead(wrapInboundOut(message))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}

extension Framing {
    /// Messages as sent: each followed by what the framing puts after a message.
    func bytes(_ messages: [String], _ allocator: ByteBufferAllocator) -> ByteBuffer {
        let after = sentAfterMessage
        var buffer = allocator.buffer(capacity: messages.reduce(0) { $0 + $1.utf8.count + after.utf8.count })
        for message in messages {
            buffer.writeString(message)
            buffer.writeString(after)
        }
        return buffer
    }
}
