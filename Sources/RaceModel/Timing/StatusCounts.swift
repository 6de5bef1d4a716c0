/// Runners by status, counted in one pass: on 50,000 runners a pass per
/// status would eat a dashboard frame.
public struct StatusCounts: Sendable, Equatable {
    private var counts: [RunnerStatus: Int] = [:]

    public init() {}

    public init(_ rows: some Sequence<Standing>) {
        for row in rows { counts[row.status, default: 0] += 1 }
    }

    public subscript(status: RunnerStatus) -> Int { counts[status] ?? 0 }

    public var finished: Int { self[.finished] }
    public var onCourse: Int { self[.onCourse] }
    public var overTimeLimit: Int { self[.overTimeLimit] }
    public var dnf: Int { self[.dnf] }
    public var dns: Int { self[.dns] }

    /// Runners who crossed a mat after the gun, whatever became of them.
    public var started: Int { counts.reduce(0) { $0 + ($1.key.hasStarted ? $1.value : 0) } }

    public static func + (a: StatusCounts, b: StatusCounts) -> StatusCounts {
        var sum = a
        sum.counts.merge(b.counts, uniquingKeysWith: +)
        return sum
    }
}
