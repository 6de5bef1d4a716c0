import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder for one test; `remove()` deletes it with its content.
public struct ScratchFolder: Sendable {
    public let path: String

    public init() throws {
        var template = Array("/tmp/racedash-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed: errno \(errno)") }
        path = String(cString: made)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes a file, making its folders.
    public func write(_ name: String, _ text: String) throws {
        let full = file(name)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
