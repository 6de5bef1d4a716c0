import NIOCore

/// Splits a decoder's byte stream into lines at LF, dropping a CR before it.
/// A line still open when the connection ends is dropped: a line cut mid-way is
/// never taken as a passing (the decoder sends it again, or it is fetched).
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    /// Longer than any decoder line; a peer sending more without a newline is not a decoder.
    let maxLength: Int

    struct LineTooLong: Error, CustomStringConvertible {
        let maxLength: Int
        var description: String { "a line of more than \(maxLength) bytes: not a decoder's stream" }
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > maxLength { throw LineTooLong(maxLength: maxLength) }
            return .needMoreData
        }
        var length = newline - view.startIndex
        if length > 0, view[newline - 1] == UInt8(ascii: "\r") { length -= 1 }
        let line = buffer.getString(at: buffer.readerIndex, length: length) ?? ""
        buffer.moveReaderIndex(to: newline + 1)
        context.fireChannelRead(wrapInboundOut(line))
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
