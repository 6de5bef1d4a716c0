/// The journal resolved against the participant list: what the timing rules
/// and the standings need to apply it. Pure: the same rows give the same
/// results in `results`, `check`, replay and live.
public struct Corrections: Sendable {
    /// Every valid row, in journal order (undone ones included: the record).
    public private(set) var entries: [Correction] = []
    /// Lines of the rows an `undo` cancelled.
    public private(set) var undone: Set<Int> = []
    var status: [Int: RunnerStatus] = [:]
    /// Time added to the finish, and (apart: it may be refused) time taken off.
    var penalty: [Int: Millis] = [:]
    var bonus: [Int: Millis] = [:]
    var handSplits: [Int: [(checkpoint: Int, time: Millis)]] = [:]
    /// By chip (lowercased): from which time of day its reads belong to which runner.
    var swaps: [String: [(from: Millis, runner: Int)]] = [:]
    var ignored: [(file: String, time: Millis, precision: Millis, code: String, line: Int)] = []
    var closed: [Int: Millis?] = [:]
    /// Row indices per runner, for the runner view and the flags.
    var byRunner: [Int: [Int]] = [:]

    public init() {}

    /// Applies `entries` in journal order. Rows must already be valid (see
    /// the journal loader): an unknown bib, race or checkpoint is skipped.
    public init(_ entries: [Correction], event: EventConfig, participants: [Participant]) {
        self.entries = entries
        // Most events have no journal: no bib table for 50,000 runners then.
        guard !entries.isEmpty else { return }
        var runnerOfBib: [String: Int] = Dictionary(minimumCapacity: participants.count)
        for (i, p) in participants.enumerated() { runnerOfBib[p.bib] = i }
        for entry in entries { if case .undo(let line) = entry.action { undone.insert(line) } }
        for (index, entry) in entries.enumerated() {
            let runner = runnerOfBib[entry.bib]
            if let runner { byRunner[runner, default: []].append(index) }
            guard !undone.contains(entry.line) else { continue }
            switch entry.action {
            case .disqualify: if let runner { status[runner] = .disqualified }
            case .dnf: if let runner { status[runner] = .dnf }
            case .dns: if let runner { status[runner] = .dns }
            case .reinstate: if let runner { status[runner] = nil }
            case .penalty(let ms):
                if let runner, ms > 0 { penalty[runner, default: 0] += ms }
                if let runner, ms < 0 { bonus[runner, default: 0] += ms }
            case .handSplit(let id, let time):
                guard let runner,
                    let c = event.races[participants[runner].raceIndex].checkpoints.firstIndex(where: { $0.id == id })
                else { continue }
                handSplits[runner, default: []].removeAll { $0.checkpoint == c }
                handSplits[runner, default: []].append((c, time))
            case .chipSwap(let chip, let from):
                if let runner { swaps[chip.lowercased(), default: []].append((from, runner)) }
            case .ignoreRead(let file, let time, let precision, let code):
                ignored.append((file, time, precision, code.lowercased(), entry.line))
            case .closeRace(let id, let from):
                if let race = event.raceIndex(id: id) { closed[race] = from }
            case .undo: break
            }
        }
        for chip in swaps.keys { swaps[chip]?.sort { $0.from < $1.from } }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The status the officials set for a runner, overriding the timing rules'.
    public func statusOverride(runner: Int) -> RunnerStatus? { status[runner] }

    /// Rows naming a runner, undone ones marked, for the runner view, `check` and the flags.
    public func labels(runner: Int) -> [String] {
        (byRunner[runner] ?? []).map { entries[$0] }.filter {
            if case .undo = $0.action { return false }
            return true
        }.map { undone.contains($0.line) ? "\($0.label) (undone)" : $0.label }
    }

    /// The runner a read of `code` at `time` belongs to by a chip swap, if any.
    func swappedRunner(code: String, time: Millis) -> Int? {
        guard let list = swaps[code.lowercased()] else { return nil }
        return list.last { $0.from <= time }?.runner
    }

    /// The journal line of the `ignore` row that names this read, if any.
    func ignoringLine(_ read: TimedRead, file: String) -> Int? {
        guard !ignored.isEmpty else { return nil }
        let code = read.code.lowercased()
        return ignored.first { i in
            i.file == file && i.code == code && read.time >= i.time && read.time < i.time + i.precision
        }?.line
    }

    /// The latest of `runner`'s hand times, if they have one: their timeline
    /// changes with the clock up to it.
    public func lastHandTime(runner: Int) -> Millis? {
        handSplits[runner]?.map(\.time).max()
    }

    /// Runners with a hand time in `(after, upTo]`: their timelines change
    /// when the clock moves over it, with no read.
    public func runnersWithHandTimes(after: Millis, upTo: Millis) -> [Int] {
        handSplits.compactMap { runner, splits in splits.contains { $0.time > after && $0.time <= upTo } ? runner : nil
        }
    }

    /// Final results for `race` at time of day `at`.
    func isClosed(race: Int, at: Millis) -> Bool {
        guard let from = closed[race] else { return false }
        return from.map { at >= $0 } ?? true
    }

    /// A runner's timeline with the hand times up to `at` and the time
    /// penalty applied: a hand time fills or replaces a split; a penalty
    /// moves the finish. Bonuses that together would take the finish back
    /// to or past the runner's previous split (their start read, else
    /// `gun`, when the finish is the first split) are not applied but
    /// flagged, the penalties still are: a mistyped bonus must not make an
    /// impossible, even negative, time that wins.
    func apply(to timeline: inout RunnerTimeline, runner: Int, race: Race, gun: Millis, at: Millis) {
        var touched = false
        for hand in handSplits[runner] ?? [] where hand.time <= at {
            timeline.counted[hand.checkpoint] = CountedSplit(time: hand.time, ref: nil)
            touched = true
        }
        if touched {
            timeline.furthest = timeline.counted.lastIndex { $0.time != nil }
            let furthest = timeline.furthest ?? -1
            timeline.missed = (0..<max(furthest, 0)).filter { timeline.split($0) == nil }
            if timeline.missed.isEmpty {
                timeline.flags.remove(.missedSplit)
            } else {
                timeline.flags.insert(.missedSplit)
            }
            if race.hasStartMat, let start = timeline.split(0) {
                timeline.startRead = start
                timeline.flags.remove(.noStartRead)
            }
        }
        let (added, takenOff) = (penalty[runner], bonus[runner])
        if added != nil || takenOff != nil, let t = timeline.split(race.finishIndex) {
            var finish = t + (added ?? 0)
            // The bonuses together against the segment the reads give; a penalty applies whatever they do.
            if let ms = takenOff {
                let before = timeline.lastSplit(before: race.finishIndex)?.time
                if t + ms <= (before ?? timeline.startRead ?? gun) {
                    timeline.flags.insert(.bonusRefused)
                } else {
                    finish += ms
                }
            }
            timeline.counted[race.finishIndex].time = finish
        }
        if byRunner[runner] != nil { timeline.flags.insert(.corrected) }
    }
}
