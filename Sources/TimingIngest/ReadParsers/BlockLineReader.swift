#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReadFileScanner {
    /// The lines of the file at `path`, numbered and split as
    /// `forEachLine(in:)` splits the whole file, read a block at a time into
    /// one buffer. A big read file never sits whole in memory, and the
    /// buffer's pages, once touched, serve every block: reading a 5 MB file
    /// whole mapped fresh pages for it and zeroed each one. The block is
    /// smaller than what malloc maps apart (`MallocSettings`), so the next
    /// file's buffer is this one's memory again, not fresh pages: 1 MiB
    /// blocks were 3,300 of a 50,000-runner load's page faults. A byte order mark
    /// at the start is skipped (Windows timing software writes one). Read
    /// until end of file, so lines a decoder appends meanwhile are read too.
    public static func forEachLine(
        ofFileAt path: String, blockSize: Int = 128 << 10,
        _ body: (_ lineNumber: Int, _ line: UnsafeBufferPointer<UInt8>) -> Void
    ) throws(ReadFileError) {
        let (fd, _) = try openRegularFile(path)
        defer { close(fd) }

        var buffer = allocateBytes(max(blockSize, 4))
        defer { buffer.deallocate() }
        var filled = 0
        var given = 0
        var atFileStart = true
        while true {
            if filled == buffer.count {
                // A line longer than the buffer: room for the rest of it.
                let bigger = allocateBytes(buffer.count * 2)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
            }
            let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadFileError(path: path, operation: .read, errno: errno)
            }
            let atEnd = n == 0
            filled += n
            var start = 0
            if atFileStart {
                // Whether the file starts with a mark is known once three bytes are in.
                guard filled >= ReadLimits.byteOrderMark.count || atEnd else { continue }
                if UnsafeRawBufferPointer(buffer).prefix(filled).starts(with: ReadLimits.byteOrderMark) {
                    start = ReadLimits.byteOrderMark.count
                }
                atFileStart = false
            }
            let cut = atEnd ? filled : endOfWholeLines(buffer.baseAddress!, from: start, to: filled)
            if cut > start {
                var last = 0
                forEachLine(in: UnsafeRawBufferPointer(rebasing: buffer[start..<cut])) { number, line in
                    last = number
                    body(given + number, line)
                }
                given += last
            }
            if atEnd { return }
            // The unfinished line moves to the front, to be finished by the next read.
            let rest = filled - cut
            if rest > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + cut, rest) }
            filled = rest
        }
    }

    /// Raw bytes bound to `UInt8`, so the lines may be viewed as such.
    private static func allocateBytes(_ count: Int) -> UnsafeMutableRawBufferPointer {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        _ = bytes.bindMemory(to: UInt8.self)
        return bytes
    }

    /// Where the whole lines in `bytes[start..<end]` end: after the last "\n",
    /// or with none, after the last "\r" that is not the final byte (a "\n"
    /// may follow it in the next read). `start` when no line is whole yet.
    static func endOfWholeLines(_ bytes: UnsafeMutableRawPointer, from start: Int, to end: Int) -> Int {
        let b = bytes.assumingMemoryBound(to: UInt8.self)
        // Backwards: the last line end is a line's length from the end.
        var i = end
        while i > start {
            i -= 1
            if b[i] == ASCII.newline { return i + 1 }
        }
        i = end - 1
        while i > start {
            i -= 1
            if b[i] == ASCII.carriageReturn { return i + 1 }
        }
        return start
    }
}
