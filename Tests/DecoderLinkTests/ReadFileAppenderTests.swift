import Foundation
import Synchronization
import TestSupport
import Testing
@testable import DecoderLink

@Suite struct ReadFileAppenderTests {
    @Test func aLineCutByAPowerCutStaysALineOfItsOwn() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try scratch.write("reads/km5.txt", "#P;1;A;0000-00-00;09:00:00.000\n#P;2;B;0000-00-0")
        let appender = try ReadFileAppender(path: scratch.file("reads/km5.txt"))
        try appender.append(["#P;3;C;0000-00-00;09:00:02.000"])
        let text = try String(contentsOfFile: scratch.file("reads/km5.txt"), encoding: .utf8)
        #expect(text == "#P;1;A;0000-00-00;09:00:00.000\n#P;2;B;0000-00-0\n#P;3;C;0000-00-00;09:00:02.000\n")
    }

    @Test func theFileAndItsFoldersAreMadeOnOpening() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let appender = try ReadFileAppender(path: scratch.file("new/reads/km5.txt"))
        try appender.append(["a", "b"])
        appender.sync()
        #expect(try String(contentsOfFile: scratch.file("new/reads/km5.txt"), encoding: .utf8) == "a\nb\n")
    }

    @Test func whatWaitsForDurabilityRunsAfterTheNextSync() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let appender = try ReadFileAppender(path: scratch.file("reads/km5.txt"))
        let ran = Mutex(0)
        let wakes = Mutex(0)
        appender.syncedBy { wakes.withLock { $0 += 1 } }
        // Nothing written and not synced: at once.
        appender.whenDurable { ran.withLock { $0 += 1 } }
        #expect(ran.withLock { $0 } == 1)
        try appender.append(["a"])
        appender.whenDurable { ran.withLock { $0 += 1 } }
        #expect(ran.withLock { $0 } == 1)
        #expect(wakes.withLock { $0 } == 1)
        appender.sync()
        #expect(ran.withLock { $0 } == 2)
    }

    @Test func aFileThatCannotBeOpenedSaysWhere() {
        #expect(throws: ReadFileAppender.Failure.self) { try ReadFileAppender(path: "/proc/racedash-none/km5.txt") }
    }
}
