/// One MYLAPS Exchange message, `<name>@<command>@<field>@...@$`: who sends it
/// (a Timing & Scoring location such as `Start`, or the program's own name),
/// what it is (`Store`, `Ping`, ...) and its fields. A real `AckGetInfo` ends
/// without the `@` before the `$`, so that `@` is optional.
struct MYLAPSMessage: Sendable, Equatable {
    var name: String
    var command: String
    var fields: [String]

    init(_ name: String, _ command: String, _ fields: [String] = []) {
        self.name = name
        self.command = command
        self.fields = fields
    }

    /// What is wrong with a message, quoting its start.
    struct Malformed: Error, Equatable, CustomStringConvertible {
        var message: String
        var reason: String
        var description: String {
            let shown = message.count > 40 ? message.prefix(40) + "..." : Substring(message)
            return "MYLAPS message '\(shown)' \(reason)"
        }
    }

    /// A message as framed (ending with `$`); nil for an empty one (a lone `$`).
    static func parse(_ text: String) -> Result<MYLAPSMessage, Malformed>? {
        var body = Substring(text)
        guard body.last == "$" else { return .failure(Malformed(message: text, reason: "does not end with '$'")) }
        body.removeLast()
        if body.last == "@" { body.removeLast() }
        if body.isEmpty { return nil }
        let parts = body.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(Malformed(message: text, reason: "has no '<name>@<command>@' at its start"))
        }
        return .success(MYLAPSMessage(parts[0], parts[1], Array(parts.dropFirst(2))))
    }

    /// The command of a framed message without parsing the rest (to tell passings from control cheaply).
    static func command(of text: String) -> Substring? {
        guard let first = text.firstIndex(of: "@") else { return nil }
        let rest = text[text.index(after: first)...]
        return rest.prefix { $0 != "@" && $0 != "$" }
    }

    /// The message as sent.
    var text: String { ([name, command] + fields).joined(separator: "@") + "@$" }
}
