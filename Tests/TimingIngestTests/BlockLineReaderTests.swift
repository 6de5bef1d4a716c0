import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RaceModel
@testable import TimingIngest

/// Lines of `bytes` written to a file and read back a block at a time.
private func blockLines(_ bytes: [UInt8], blockSize: Int) throws -> [(Int, [UInt8])] {
    let path = try temporaryFile(bytes, name: "block")
    defer { unlink(path) }
    var out: [(Int, [UInt8])] = []
    try ReadFileScanner.forEachLine(ofFileAt: path, blockSize: blockSize) { number, line in
        out.append((number, Array(line)))
    }
    return out
}

/// Lines of `bytes` scanned whole, after a byte order mark, as the loader always did.
private func wholeLines(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
    var out: [(Int, [UInt8])] = []
    bytes.withUnsafeBytes { raw in
        let body = raw.starts(with: ReadLimits.byteOrderMark) ? UnsafeRawBufferPointer(rebasing: raw[3...]) : raw
        ReadFileScanner.forEachLine(in: body) { number, line in out.append((number, Array(line))) }
    }
    return out
}

private func expectSame(_ a: [(Int, [UInt8])], _ b: [(Int, [UInt8])], _ comment: Comment? = nil) {
    #expect(a.map(\.0) == b.map(\.0), comment)
    #expect(a.map(\.1) == b.map(\.1), comment)
}

@Suite struct BlockLineReaderTests {
    static let texts = [
        "", "\n", "a", "a\n", "a\nbb\n\nccc\n", "a\nb",
        "a\r\nb\rc\r\n\r\nd\r", "1;x\r2;y\r3;z", "\r\n\r\n", "\r", "\r\r\n\n\r",
        "\u{FEFF}CT01_33~1~km5~100~10:00:00.00~1~A~1\r\n12,10:00:01\r\n",
        "\u{FEFF}", "\u{FEFF}\n", "\u{FEFF}x",
        String(repeating: "x", count: 100) + "\n" + String(repeating: "y", count: 37) + "\r\nz",
    ]

    @Test(arguments: [1, 2, 3, 4, 5, 7, 16, 64, 1 << 20])
    func linesAreThoseOfTheWholeFileWhateverTheBlock(blockSize: Int) throws {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            expectSame(try blockLines(bytes, blockSize: blockSize), wholeLines(bytes), "\(text.debugDescription)")
        }
    }

    /// Line ends falling anywhere against block edges: a "\r\n" split
    /// across two reads is one line end, a lone "\r" at a block's end too.
    @Test func randomLineEndsAgainstSmallBlocks() throws {
        var rng = FuzzRandom(seed: 11)
        let alphabet: [UInt8] = Array("ab\r\n".utf8)
        for _ in 0..<300 {
            let count = Int(rng.next() % 60)
            let bytes = (0..<count).map { _ in alphabet[Int(rng.next() % 4)] }
            let block = 1 + Int(rng.next() % 9)
            expectSame(try blockLines(bytes, blockSize: block), wholeLines(bytes), "\(bytes) in blocks of \(block)")
        }
    }

    @Test func aLineLongerThanTheBlockIsReadWhole() throws {
        let long = String(repeating: "0123456789", count: 500)
        let got = try blockLines(Array("a\n\(long)\nb".utf8), blockSize: 64)
        #expect(got.map(\.0) == [1, 2, 3])
        #expect(got[1].1.count == 5000)
    }

    #if os(Linux)
    /// /proc files report size 0 yet have content, like a read file growing while it is read.
    @Test func readsToTheEndWhateverTheSize() throws {
        var lines: [String] = []
        try ReadFileScanner.forEachLine(ofFileAt: "/proc/version") { _, line in
            lines.append(String(decoding: line, as: UTF8.self))
        }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Linux version") == true)
    }
    #endif

    @Test func aMissingFileADirectoryAndAFIFOAreErrorsNamingThePath() throws {
        #expect(throws: ReadFileError(path: "/nonexistent/racedash/r.txt", operation: .open, errno: ENOENT)) {
            try ReadFileScanner.forEachLine(ofFileAt: "/nonexistent/racedash/r.txt") { _, _ in }
        }
        #expect(throws: ReadFileError(path: "/tmp", operation: .read, errno: EISDIR)) {
            try ReadFileScanner.forEachLine(ofFileAt: "/tmp") { _, _ in }
        }
        let fifo = "/tmp/racedash-block-fifo-\(getpid())"
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        #expect(throws: ReadFileError(path: fifo, refusal: "is a FIFO, not a regular file")) {
            try ReadFileScanner.forEachLine(ofFileAt: fifo) { _, _ in }
        }
    }
}
