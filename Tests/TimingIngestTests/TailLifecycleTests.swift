import Foundation
import Testing
@testable import TimingIngest
#if canImport(Glibc)
import Glibc
#endif

@Suite("File tailer lifecycle", .timeLimit(.minutes(5)))
struct TailLifecycleTests {
    @Test("stop ends the stream and closes the files and the inotify watches")
    func stopReleasesEverything() async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("stop.txt")
        try writeFile(path, "s1\n")
        let probe = TailProbe(paths: [path], mode: .inotify, pollInterval: .seconds(3600))
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }
        #expect(OpenDescriptors.count(inside: scratch.path) == 1)
        #expect(OpenDescriptors.inotifyWatches(scratch.path))

        let events = try await probe.finish(settling: .zero)  // returns once the stream has ended
        #expect(events.of(file: 0) == numbered(["s1"]) + [.caughtUp(file: 0)])
        #expect(OpenDescriptors.count(inside: scratch.path) == 0)
        #expect(!OpenDescriptors.inotifyWatches(scratch.path))
    }

    @Test("cancelling the consuming task stops the tailer")
    func cancellationStops() async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("cancel.txt")
        try writeFile(path, "c1\n")
        let probe = TailProbe(paths: [path], mode: .automatic, pollInterval: .seconds(3600))
        defer { probe.tailer.stop() }
        try await probe.waitFor("caught up") { $0.contains(.caughtUp(file: 0)) }

        await probe.cancelConsumer()
        #expect(OpenDescriptors.count(inside: scratch.path) == 0)
        #expect(!OpenDescriptors.inotifyWatches(scratch.path))
    }

    @Test("dropping the stream and the tailer stops the tailing")
    func droppingStops() async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let path = scratch.file("drop.txt")
        try writeFile(path, "x1\nx2\n")
        do {
            let stream = FileTailer(paths: [path], mode: .inotify).lines()
            var seen: [TailEvent] = []
            for await event in stream {
                seen.append(event)
                if event == .caughtUp(file: 0) { break }
            }
            #expect(seen == numbered(["x1", "x2"]) + [.caughtUp(file: 0)])
        }
        #expect(OpenDescriptors.count(inside: scratch.path) == 0)
        #expect(!OpenDescriptors.inotifyWatches(scratch.path))
    }

    @Test("a tailer tails once: a second lines() and lines() after stop() end at once")
    func tailsOnce() async throws {
        let scratch = try TailScratch()
        defer { scratch.remove() }
        let tailer = FileTailer(paths: [scratch.file("once.txt")], mode: .polling)
        let first = tailer.lines()
        var second: [TailEvent] = []
        for await event in tailer.lines() { second.append(event) }
        #expect(second.isEmpty)
        tailer.stop()
        var rest: [TailEvent] = []
        for await event in first { rest.append(event) }
        #expect(rest.count <= 2, "at most what was sent before the stop")

        let stopped = FileTailer(paths: [scratch.file("once.txt")])
        stopped.stop()
        var none: [TailEvent] = []
        for await event in stopped.lines() { none.append(event) }
        #expect(none.isEmpty)
    }
}
