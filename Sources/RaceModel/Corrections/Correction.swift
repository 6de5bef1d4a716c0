/// One row of the officials' corrections journal (`corrections.csv`): a
/// decision about a runner or a race, applied on top of the raw reads every
/// time standings are computed. Rows are never rewritten: an undo is a new row.
public struct Correction: Sendable, Equatable {
    /// Line of the journal the row is on: how an `undo` names it.
    public var line: Int
    /// When the row was written and by whom, as written (for the record).
    public var when: String
    public var who: String
    /// The runner; empty for a whole-race action (`close`).
    public var bib: String
    public var action: Action
    public var reason: String

    public enum Action: Sendable, Equatable {
        /// No place, listed after DNF; `rule` is the rule cited, if any.
        case disqualify(rule: String)
        case dnf
        case dns
        /// Undoes the runner's earlier status changes (DQ, DNF, DNS).
        case reinstate
        /// Added to the finish time; negative for a bonus.
        case penalty(Millis)
        /// Hand timing: the runner passed `checkpoint` at this time of day (event clock).
        case handSplit(checkpoint: String, time: Millis)
        /// Reads of `chip` from this time of day on belong to the row's runner.
        case chipSwap(chip: String, from: Millis)
        /// One read not to use, named by file, time of day (clock offset
        /// applied, as `check` shows it; matched to the precision written)
        /// and code: line numbers shift when files rotate.
        case ignoreRead(file: String, time: Millis, precision: Millis, code: String)
        /// Final results for the race from this time of day (nil: at any time).
        case closeRace(race: String, from: Millis?)
        /// Cancels the row on that line of the journal.
        case undo(line: Int)
    }

    /// The journal's file name in the event folder.
    public static let journalName = "corrections.csv"

    public init(line: Int, when: String, who: String, bib: String, action: Action, reason: String) {
        self.line = line
        self.when = when
        self.who = who
        self.bib = bib
        self.action = action
        self.reason = reason
    }

    /// The action as an official reads it: `DQ (TR 55.8)`, `penalty +0:01:00`.
    public var summary: String {
        switch action {
        case .disqualify(let rule): return rule.isEmpty ? "DQ" : "DQ (\(rule))"
        case .dnf: return "DNF"
        case .dns: return "DNS"
        case .reinstate: return "reinstated"
        case .penalty(let ms):
            return (ms < 0 ? "bonus -" : "penalty +") + TimeFormat.duration(abs(ms), tenths: ms % 1000 != 0)
        case .handSplit(let cp, let time):
            return "hand time \(cp) \(TimeFormat.timeOfDay(time, millis: time % 1000 != 0))"
        case .chipSwap(let chip, let from): return "chip \(chip) from \(TimeFormat.timeOfDay(from))"
        case .ignoreRead(let file, let time, _, let code):
            return "read ignored: \(file) \(TimeFormat.timeOfDay(time, millis: time % 1000 != 0)) \(code)"
        case .closeRace(let race, let from):
            return "race \(race) closed" + (from.map { " at \(TimeFormat.timeOfDay($0))" } ?? "")
        case .undo(let line): return "undo line \(line)"
        }
    }

    /// Summary, then the reason given: what the runner view, `check` and the flags show.
    public var label: String { reason.isEmpty ? summary : "\(summary): \(reason)" }
}
