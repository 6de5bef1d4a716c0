import TOMLKit

/// Read-file paths as event.toml may give them: inside the event folder,
/// so a typo or a hostile config cannot make racedash read (and print lines
/// of) /etc/shadow or /proc/self/environ. An absolute path is taken only
/// when the config says `allow_absolute_paths = true` (a decoder share
/// mounted elsewhere). Paths are normalized, so `./reads/km5.txt` and
/// `reads//km5.txt` are the same file and naming it twice is caught.
enum ReadPaths {
    static let optInKey = "allow_absolute_paths"

    static func absoluteAllowed(_ reader: TableReader, _ root: TOMLTable) throws(ConfigError) -> Bool {
        guard let v = root[optInKey] else { return false }
        guard let b = v.bool else { throw reader.fail("", "'\(optInKey)' must be true or false") }
        return b
    }

    /// The path without `.` and empty components, with `..` resolved; an
    /// error when it leaves the folder, is absolute without the opt-in, or
    /// holds a NUL or a control character.
    static func normalized(_ reader: TableReader, _ raw: String, absoluteAllowed: Bool, at path: String)
        throws(ConfigError) -> String
    {
        if raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw reader.fail(path, "read file \(quoted(raw)) has a control character (a NUL or similar) in its name")
        }
        let absolute = raw.hasPrefix("/")
        if absolute && !absoluteAllowed {
            throw reader.fail(
                path,
                "read file \(quoted(raw)) is outside the event folder; name it relative to the folder,"
                    + " or set \(optInKey) = true to read absolute paths")
        }
        var parts: [Substring] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else {
                    throw reader.fail(path, "read file \(quoted(raw)) leads outside the event folder with '..'")
                }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty else { throw reader.fail(path, "read file \(quoted(raw)) names no file") }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    static func quoted(_ raw: String) -> String {
        let shown =
            raw.unicodeScalars.count > 80 ? String(String.UnicodeScalarView(raw.unicodeScalars.prefix(80))) + "…" : raw
        return "'\(shown)'"
    }
}
