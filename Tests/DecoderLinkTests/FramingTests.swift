import NIOCore
import NIOEmbedded
import Testing
@testable import DecoderLink

/// The bytes of a stream in chunks of `chunk` through the frame decoder, and what comes out.
func framed(_ bytes: [UInt8], chunk: Int, _ framing: Framing, maxLength: Int = 1 << 16) throws -> [String] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(framing: framing, maxLength: maxLength)))
    var messages: [String] = []
    for start in stride(from: 0, to: bytes.count, by: chunk) {
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes[start..<min(start + chunk, bytes.count)]))
        while let message = try channel.readInbound(as: String.self) { messages.append(message) }
    }
    _ = try channel.finish(acceptAlreadyClosed: true)
    while let message = try channel.readInbound(as: String.self) { messages.append(message) }
    return messages
}

@Suite struct FramingTests {
    @Test func aMYLAPSMessageEndsAtItsDollarWhereverTheChunksAreCut() throws {
        let stream = Array("\0\0km5@Pong@$km5@Store@LZ6302115:37:40.704 5 0F  1000125030862@1@$\r\nkm5@AckPing@$".utf8)
        for chunk in 1...stream.count {
            #expect(
                try framed(stream, chunk: chunk, .dollar) == [
                    "km5@Pong@$", "km5@Store@LZ6302115:37:40.704 5 0F  1000125030862@1@$", "km5@AckPing@$",
                ])
        }
    }

    @Test func aMessageCutWhenTheConnectionEndsIsDropped() throws {
        #expect(try framed(Array("km5@Ping@$km5@Store@LZ63021".utf8), chunk: 5, .dollar) == ["km5@Ping@$"])
        #expect(try framed(Array("#P;1;A\r\n#P;2;".utf8), chunk: 3, .lines) == ["#P;1;A"])
    }

    @Test func aStreamWithoutAnEndIsRefused() {
        #expect(throws: FrameDecoder.MessageTooLong.self) {
            try framed(Array(repeating: UInt8(ascii: "x"), count: 40), chunk: 8, .dollar, maxLength: 16)
        }
    }
}
