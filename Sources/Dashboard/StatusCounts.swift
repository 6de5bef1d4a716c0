import RaceModel

/// Runners of a race by status, in one pass. `RaceStandings.count(_:)` walks
/// the rows once per status; on 50,000 runners that alone would eat the frame.
struct StatusCounts {
    var finished = 0, onCourse = 0, overTimeLimit = 0, dnf = 0, dns = 0

    init(_ rows: [Standing]) {
        for i in rows.indices {
            switch rows[i].status {
            case .finished: finished += 1
            case .onCourse: onCourse += 1
            case .overTimeLimit: overTimeLimit += 1
            case .dnf: dnf += 1
            case .dns: dns += 1
            }
        }
    }

    var started: Int { finished + onCourse + overTimeLimit + dnf }
}
