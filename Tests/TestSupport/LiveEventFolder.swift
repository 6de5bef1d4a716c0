import Foundation
import RaceModel
import TimingIngest
import RaceStore
import LiveIngest
import Snapshots
#if canImport(Glibc)
import Glibc
#endif

/// A small event folder in a fresh temp directory; `remove()` deletes it.
public struct LiveEventFolder: Sendable {
    public static let config = """
        name = "Live test"
        date = 2025-04-06
        utc_offset = "+09:00"
        [[points]]
        id = "stadium"
        files = ["reads/stadium.txt"]
        duplicate_window = 10
        [[points]]
        id = "km5"
        files = ["reads/km5.txt"]
        [[races]]
        id = "10k"
        clock = "gun"
        waves = [{ id = "A", gun = "09:00:00" }]
        checkpoints = [
          { id = "start", point = "stadium", km = 0 },
          { id = "5K", point = "km5", km = 5 },
          { id = "finish", point = "stadium", km = 10 },
        ]
        """
    public static let participants = """
        bib,name,race,chip,sex,country
        1,Ri Jong Ho,10k,AAA1,M,PRK
        2,Kim Hye Gyong,10k,AAA2,F,PRK
        3,Late Entry,10k,,M,

        """

    public let path: String

    public init(config: String = Self.config, participants: String = Self.participants) throws {
        var template = Array("/tmp/racedash-live-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed: errno \(errno)") }
        path = String(cString: made)
        try FileManager.default.createDirectory(atPath: path + "/reads", withIntermediateDirectories: true)
        try replace("event.toml", with: config)
        try replace("participants.csv", with: participants)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Rewrites a file in place (truncate and write), as a text editor saving in place does.
    public func replace(_ name: String, with text: String) throws {
        try write(name, text, flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    /// One write(2) at the end of the file, as a decoder appends a read.
    public func append(_ name: String, _ text: String) throws {
        try write(name, text, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private func write(_ name: String, _ text: String, flags: Int32) throws {
        let fd = open(file(name), flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TestFailure("cannot open \(name): errno \(errno)") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw TestFailure("write to \(name) failed: errno \(errno)") }
            done += n
        }
    }

    public func load() throws -> EventFolder { try EventFolder.load(path) }
}
