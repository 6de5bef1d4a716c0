#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// Appends rows to `corrections.csv`. Never rewrites: each row is one
/// write at the end of the file, fsync'd before returning, so a row the
/// dashboard reports written survives a crash or a power cut.
public enum CorrectionsJournalFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Appends one row (`when,who,bib,action,value,reason`), with the header
    /// first if the file is new or empty. Returns the row's line number.
    public static func append(
        to path: String, when: String, who: String, bib: String, action: String, value: String,
        reason: String
    ) throws(WriteError) -> Int {
        let existing = (try? ReadFileScanner.readFile(atPath: path)) ?? []
        var text = ""
        var lines = existing.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        if existing.isEmpty {
            text = CorrectionsLoader.header + "\n"
            lines = 1
        } else if existing.last != 10 {
            text = "\n"  // a row typed by hand without its line end
            lines += 1
        }
        text += [when, who, bib, action, value, reason].map(quoted).joined(separator: ",") + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw WriteError(
                description: "cannot write \(path): \(written < 0 ? String(cString: strerror(errno)) : "short write")")
        }
        guard fsync(fd) == 0 else {
            throw WriteError(description: "cannot sync \(path): \(String(cString: strerror(errno)))")
        }
        if existing.isEmpty { syncFolder(of: path) }
        return lines + 1
    }

    /// A new file's name is durable only once its folder is synced.
    static func syncFolder(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// RFC 4180: a field with a comma, quote or line end goes in quotes; a
    /// line end inside a field is kept out altogether (one row, one line).
    static func quoted(_ field: String) -> String {
        let flat = String(field.map { $0.isNewline ? " " : $0 })
        guard flat.contains(where: { $0 == "," || $0 == "\"" }) else { return flat }
        return "\"" + flat.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
