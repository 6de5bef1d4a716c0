import Foundation
import RaceModel
#if canImport(Glibc)
import Glibc
#endif

/// One run of another program: its wall time and its own peak memory
/// (wait4's rusage is the child's alone, unlike the process-wide figure; but
/// Linux starts a spawned child's high-water mark at the parent's resident
/// size, so children are run while this process is still small).
struct ChildRun {
    var seconds: Double
    var peakMiB: Double
    var status: Int32
}

/// Runs `arguments[0]` with its output to `/dev/null` (or `output`), waiting for it.
func runChild(_ arguments: [String], output: String = "/dev/null") throws -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = (clock.now - start).seconds
    return ChildRun(seconds: seconds, peakMiB: Double(usage.ru_maxrss) / 1024, status: status)
}

/// This bench run again in a child of its own with `arguments` (a
/// `--child-…` option), its output to a temporary file named after `name`:
/// the run, and what it printed, trimmed.
func runSelf(_ arguments: [String], name: String) throws -> (run: ChildRun, printed: String?) {
    let output = NSTemporaryDirectory() + "racedash-" + name
    let run = try runChild([CommandLine.arguments[0]] + arguments, output: output)
    let printed = try? String(contentsOfFile: output, encoding: .utf8)
    return (run, printed?.trimmingCharacters(in: .whitespacesAndNewlines))
}

/// A program beside this one (`racedash` next to `racedash-bench` in the build directory).
func siblingExecutable(_ name: String) -> String? {
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let path = me.deletingLastPathComponent().appendingPathComponent(name).path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// The first of `paths` that exists.
func firstExisting(_ paths: [String]) -> String? {
    paths.first { FileManager.default.fileExists(atPath: $0) }
}

/// The machine's 1-minute load average, to print beside the figures.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init)
        ?? "?"
}
