import Foundation
import TestSupport

/// One pane of a private tmux server (`tmux -L`), fixed size, running a
/// plain shell; tests type into it and read the screen back, as fzf's do.
final class TmuxPane: Sendable {
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/tmux" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()
    static var isAvailable: Bool { executable != nil }

    static let session = "racedash"
    static let target = "racedash:0.0"

    let server: String
    let width: Int
    let height: Int

    /// `name` keeps panes of tests running at once apart.
    init(name: String, width: Int = 100, height: Int = 30, directory: String) async throws {
        server = "racedash-e2e-\(getpid())-\(name)"
        self.width = width
        self.height = height
        // The shell's prompt and the terminal are fixed so the screen reads the same everywhere.
        _ = try await tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", Self.session, "-x", "\(width)", "-y", "\(height)", "-c",
            directory,
            "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen PS1='$ ' /bin/sh",
        ])
    }

    /// A pane for the length of `body`; the server is stopped however `body` ends.
    static func withPane(
        name: String, width: Int = 100, height: Int = 30, directory: String,
        _ body: (TmuxPane) async throws -> Void
    ) async throws {
        let pane = try await TmuxPane(name: name, width: width, height: height, directory: directory)
        do {
            try await body(pane)
        } catch {
            await pane.kill()
            throw error
        }
        await pane.kill()
    }

    /// Stops the server and removes its socket, which tmux leaves behind.
    func kill() async {
        let socket = (try? await tmux(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        _ = try? await tmux(["kill-server"])
        if let socket, !socket.isEmpty { unlink(socket) }
    }

    /// Keys by tmux name (`Enter`, `C-c`, `Space`, `Escape`) or plain characters.
    func send(_ keys: String...) async throws {
        _ = try await tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// Text typed as is, no key names.
    func type(_ text: String) async throws {
        _ = try await tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    func screen() async throws -> Screen {
        Screen(raw: try await tmux(["capture-pane", "-p", "-e", "-t", Self.target]))
    }

    /// Process id of the shell in the pane.
    func shellPID() async throws -> Int32 {
        let text = try await tmux(["display-message", "-p", "-t", Self.target, "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError(description: "tmux gave no pane pid: \(text)")
        }
        return pid
    }

    /// Polls the screen every 50 ms until `predicate` holds (a screen sends no
    /// event); after the hang guard fails with what was awaited and the whole screen.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = hangGuard,
        _ predicate: (Screen) async throws -> Bool
    ) async throws -> Screen {
        let deadline = ContinuousClock.now + timeout
        var last = try await screen()
        while true {
            if try await predicate(last) { return last }
            guard ContinuousClock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(50))
            last = try await screen()
        }
        let frame = String(repeating: "-", count: width)
        throw TmuxError(
            description:
                "timed out after \(timeout) waiting for \(what); the \(width)x\(height) screen:\n\(frame)\n\(last.text)\n\(frame)"
        )
    }

    func waitFor(text: String, timeout: Duration = hangGuard) async throws {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.text.contains(text) }
    }

    @discardableResult
    private func tmux(_ args: [String]) async throws -> String {
        guard let executable = Self.executable else { throw TmuxError(description: "tmux is not installed") }
        let result = try await Subprocess.run(executable, ["-L", server] + args)
        guard result.status == 0 else {
            throw TmuxError(
                description: "tmux \(args.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
}

/// A captured screen: `raw` keeps the SGR escapes tmux adds with -e, `text` drops them.
struct Screen {
    let raw: String
    let rawLines: [String]
    let lines: [String]
    var text: String { lines.joined(separator: "\n") }

    init(raw: String) {
        self.raw = raw
        rawLines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = rawLines.map(Self.stripEscapes)
    }

    static func stripEscapes(_ line: String) -> String {
        var out = ""
        var it = line.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\u{1B}" else {
                out.unicodeScalars.append(c)
                continue
            }
            // CSI: ESC [ parameters, then one final byte in @...~
            guard it.next() == "[" else { continue }
            while let p = it.next(), !("@"..."~").contains(p) {}
        }
        return out
    }

    /// Whether the first cell drawn on line `i` is in reverse video (a selected row).
    func isReverse(line i: Int) -> Bool {
        guard rawLines.indices.contains(i), rawLines[i].hasPrefix("\u{1B}[") else { return false }
        let params = rawLines[i].dropFirst(2).prefix { $0 != "m" }
        return params.split(separator: ";").contains("7")
    }
}
