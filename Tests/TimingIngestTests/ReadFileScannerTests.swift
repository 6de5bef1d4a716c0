import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RaceModel
@testable import TimingIngest

private func lines(of text: String) -> [(Int, String)] {
    var out: [(Int, String)] = []
    Array(text.utf8).withUnsafeBytes { raw in
        ReadFileScanner.forEachLine(in: raw) { number, line in
            out.append((number, String(decoding: line, as: UTF8.self)))
        }
    }
    return out
}

@Suite struct ReadFileScannerTests {
    @Test func numbersLinesFromOne() {
        let got = lines(of: "a\nbb\n\nccc\n")
        #expect(got.map(\.0) == [1, 2, 3, 4])
        #expect(got.map(\.1) == ["a", "bb", "", "ccc"])
    }

    @Test func finalLineWithoutNewlineIsALine() {
        let got = lines(of: "a\nb")
        #expect(got.map(\.0) == [1, 2])
        #expect(got.map(\.1) == ["a", "b"])
    }

    @Test func linesEndAtLineFeedCRLFOrALoneCarriageReturn() {
        let got = lines(of: "a\r\nb\rc\r\n\r\nd\r")
        #expect(got.map(\.1) == ["a", "b", "c", "", "d"])
        #expect(got.map(\.0) == [1, 2, 3, 4, 5])
        // A Wiclax file: CR only, and a CR-ended last line.
        #expect(lines(of: "1;x\r2;y\r3;z").map(\.1) == ["1;x", "2;y", "3;z"])
    }

    /// A carriage return is looked for once for many lines: one that comes
    /// lines later, or twice on a line, still ends the right line.
    @Test func aCarriageReturnLinesLaterEndsItsOwnLine() {
        #expect(lines(of: "a\nb\nc\r\nd\ne\rf\n\rg").map(\.1) == ["a", "b", "c", "d", "e", "f", "", "g"])
        #expect(lines(of: "a\r\rb\nc").map(\.1) == ["a", "", "b", "c"])
    }

    @Test func emptyInputHasNoLines() {
        #expect(lines(of: "").isEmpty)
        #expect(lines(of: "\n").map(\.1) == [""])
    }

    @Test func errorsFromTheBodyStopTheScan() {
        struct Stop: Error {}
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try Array("a\nb\nc\n".utf8).withUnsafeBytes { raw in
                try ReadFileScanner.forEachLine(in: raw) { number, _ in
                    seen.append(number)
                    if number == 2 { throw Stop() }
                }
            }
        }
        #expect(seen == [1, 2])
    }

    @Test func crlfFileParsesLikeLF() {
        let lf = "CT01_33~1~km5~100~10:00:00.00~1~A~1\n12,10:00:01\n"
        let crlf = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        func parseAll(_ text: String) -> [ParsedLineSummary] {
            var out: [ParsedLineSummary] = []
            Array(text.utf8).withUnsafeBytes { raw in
                ReadFileScanner.forEachLine(in: raw) { number, line in
                    out.append(ParsedLineSummary(line: number, parsed: ReadLineParser.parse(line)))
                }
            }
            return out
        }
        #expect(parseAll(crlf) == parseAll(lf))
        #expect(parseAll(lf).count == 2)
    }

    @Test func readsAFileWhole() throws {
        let content = Array((0..<200_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let path = try temporaryFile(content, name: "scanner")
        defer { unlink(path) }
        #expect(try ReadFileScanner.readFile(atPath: path) == content)
    }

    #if os(Linux)
    /// /proc files report size 0 yet have content, like a read file that grows after `fstat`.
    @Test func readsPastTheSizeGivenByFstat() throws {
        let bytes = try ReadFileScanner.readFile(atPath: "/proc/version")
        #expect(bytes.count > 20)
        #expect(String(decoding: bytes.prefix(13), as: UTF8.self) == "Linux version")
        #expect(bytes.last == UInt8(ascii: "\n"))
    }
    #endif

    @Test func missingFileNamesPathAndReason() {
        let path = "/nonexistent/racedash/reads.txt"
        do {
            _ = try ReadFileScanner.readFile(atPath: path)
            Issue.record("no error")
        } catch let error as ReadFileError {
            #expect(error.path == path)
            #expect(error.errno == ENOENT)
            #expect(error.description == "cannot open \(path): No such file or directory")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func directoryIsReportedAsReadError() {
        do {
            _ = try ReadFileScanner.readFile(atPath: "/tmp")
            Issue.record("no error")
        } catch let error as ReadFileError {
            #expect(error.operation == .read)
            #expect(error.errno == EISDIR)
            #expect(error.description == "cannot read /tmp: Is a directory")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

private struct ParsedLineSummary: Equatable {
    var line: Int
    var parsed: ParsedLine
}

/// `bytes` written to a new file of its own under /tmp; the caller unlinks it.
func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    // A name of its own for each call: tests running at once had shared one
    // per process, and one's cleanup removed another's file under it.
    var template = Array("/tmp/racedash-\(name)-test-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    try #require(fd >= 0)
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    try #require(written == bytes.count)
    return path
}
