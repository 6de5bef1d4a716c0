import Foundation
import Glibc
import TestSupport

/// Runs a program to completion with posix_spawn and waitpid. Foundation's
/// Process left exited tmux clients unreaped under the test runner and
/// waited forever; this has nothing in between. The blocking waitpid runs on
/// a thread of its own: on the concurrency pool (two threads on a 2-core
/// machine) it would stall every other test.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// stdin is /dev/null; output goes to temporary files, not pipes, because
    /// a daemon the program starts (the tmux server) inherits them and would
    /// hold a pipe open for its whole life. `status` is the exit status, or
    /// 128 + the signal that ended it. `stdoutPath`: standard output goes
    /// to that file instead (`stdout` is then empty).
    static func run(_ path: String, _ arguments: [String], stdoutPath: String? = nil) async throws -> Result {
        let out = try TemporaryFile(), err = try TemporaryFile()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdoutPath {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, out.fd, 1)
        }
        posix_spawn_file_actions_adddup2(&actions, err.fd, 2)

        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        // The test runner's threads block signals; a child must not inherit
        // that (a tmux server that never sees SIGCHLD loses its panes).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        let status = try await exitStatus(of: pid, path: path)
        // The wait(2) status word: low 7 bits the signal, else the exit code above them.
        let signal = status & 0x7f
        return Result(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, stdout: out.contents(), stderr: err.contents())
    }

    /// The wait(2) status word of `pid`.
    private static func exitStatus(of pid: pid_t, path: String) async throws -> Int32 {
        let waited = await onOwnThread { () -> (status: Int32, error: Int32) in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else { return (0, errno) }
            }
            return (status, 0)
        }
        guard waited.error == 0 else {
            throw Failure(description: "waitpid for \(path): \(String(cString: strerror(waited.error)))")
        }
        return waited.status
    }

    private final class TemporaryFile {
        let path: String
        let fd: Int32

        init() throws {
            var template = Array((NSTemporaryDirectory() + "racedash-e2e-XXXXXX").utf8CString)
            fd = mkstemp(&template)
            guard fd >= 0 else { throw Failure(description: "mkstemp: \(String(cString: strerror(errno)))") }
            path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        func contents() -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

        deinit {
            close(fd)
            unlink(path)
        }
    }
}
