/// Runners by status, counted in one pass: on 50,000 runners a pass per
/// status would eat a dashboard frame.
public struct StatusCounts: Sendable, Equatable {
    /// By `RunnerStatus.allCases` order: no hashing, the header counts every frame.
    private var counts = [Int](repeating: 0, count: RunnerStatus.allCases.count)

    public init() {}

    public init(_ rows: some Sequence<Standing>) {
        for row in rows { add(row.status) }
    }

    public mutating func add(_ status: RunnerStatus) { counts[status.ordinal] += 1 }

    public subscript(status: RunnerStatus) -> Int { counts[status.ordinal] }

    public var finished: Int { self[.finished] }
    public var onCourse: Int { self[.onCourse] }
    public var overTimeLimit: Int { self[.overTimeLimit] }
    public var dnf: Int { self[.dnf] }
    public var disqualified: Int { self[.disqualified] }
    public var dns: Int { self[.dns] }

    /// Runners who crossed a mat after the gun, whatever became of them.
    public var started: Int { RunnerStatus.allCases.reduce(0) { $0 + ($1.hasStarted ? self[$1] : 0) } }

    public static func + (a: StatusCounts, b: StatusCounts) -> StatusCounts {
        var sum = a
        for i in sum.counts.indices { sum.counts[i] += b.counts[i] }
        return sum
    }
}

extension RunnerStatus {
    /// Position in `allCases`.
    var ordinal: Int {
        switch self {
        case .finished: return 0
        case .onCourse: return 1
        case .overTimeLimit: return 2
        case .dnf: return 3
        case .disqualified: return 4
        case .dns: return 5
        }
    }
}
