import Testing
import RaceModel
import TestSupport
@testable import TimingIngest

/// Reading `corrections.csv`: every action's value, and bad rows reported
/// with file and line and skipped while the others apply.
@Suite struct CorrectionsLoaderTests {
    func load(_ rows: String) throws -> EventFolder {
        try EventFolder.parse(
            path: "ev", config: LiveEventFolder.config, participants: LiveEventFolder.participants,
            corrections: CorrectionsLoader.header + "\n" + rows)
    }

    func actions(_ rows: String) throws -> [Correction.Action] { try load(rows).corrections.entries.map(\.action) }

    @Test func everyActionIsRead() throws {
        let folder = try load(
            """
            2025-04-06T10:01:00+09:00,referee,1,dq,TR 55.8,cut the course
            2025-04-06T10:02:00+09:00,referee,2,DNF,,withdrew
            2025-04-06T10:03:00+09:00,referee,3,dns,,
            2025-04-06T10:04:00+09:00,referee,1,reinstate,,appeal upheld
            t,r,2,penalty,+1:30,blocking
            t,r,2,bonus,0:00:10,time credit
            t,r,2,penalty,-5,
            t,r,3,split,finish 09:41:02.4,chip not read
            t,r,3,chip,AAA9 09:20:00,wore a spare chip
            t,r,3,ignore,reads/stadium.txt 09:38:00.250 CCC3,stray read
            t,r,,close,10k 11:00,
            t,r,,close,10k,
            t,r,2,undo,3,entered on the wrong bib

            """)
        #expect(folder.correctionProblems == [])
        let nine = 9 * 3_600_000
        #expect(
            folder.corrections.entries.map(\.action) == [
                .disqualify(rule: "TR 55.8"), .dnf, .dns, .reinstate, .penalty(90_000), .penalty(-10_000),
                .penalty(-5_000),
                .handSplit(checkpoint: "finish", time: nine + 41 * 60_000 + 2_400),
                .chipSwap(chip: "AAA9", from: nine + 20 * 60_000),
                .ignoreRead(file: "reads/stadium.txt", time: nine + 38 * 60_000 + 250, precision: 1, code: "CCC3"),
                .closeRace(race: "10k", from: 11 * 3_600_000), .closeRace(race: "10k", from: nil), .undo(line: 3),
            ])
        let first = folder.corrections.entries[0]
        #expect(first.line == 2 && first.who == "referee" && first.bib == "1" && first.reason == "cut the course")
        #expect(first.when == "2025-04-06T10:01:00+09:00")
    }

    @Test func badRowsAreReportedWithFileAndLineAndSkipped() throws {
        let folder = try load(
            """
            t,r,99,dq,,no such bib
            t,r,1,disqualify,,
            t,r,1,wave,,
            t,r,,dnf,,
            t,r,2,penalty,soon,
            t,r,2,split,40K 10:00:00,
            t,r,2,split,finish 25:00:00,
            t,r,2,chip,AAA9,
            t,r,2,ignore,reads/other.txt 09:00:00 X,
            t,r,,close,marathon,
            t,r,2,undo,40,
            t,r,2,dnf,,still applies

            """)
        #expect(try actions("t,r,1,disqualify,,\n") == [.disqualify(rule: "")])
        #expect(
            folder.correctionProblems.map(\.description) == [
                "ev/corrections.csv:2: unknown bib 99; row skipped",
                "ev/corrections.csv:4: unknown action 'wave'; actions are dq, dnf, dns, reinstate, penalty, bonus, split, chip, ignore, close, undo; row skipped",
                "ev/corrections.csv:5: dnf needs a bib; row skipped",
                "ev/corrections.csv:6: penalty: 'soon' is not a time such as +1:00 (M:SS), +0:01:00 or +60; row skipped",
                "ev/corrections.csv:7: split takes CHECKPOINT HH:MM:SS with a checkpoint of race 10k: start, 5K, finish; row skipped",
                "ev/corrections.csv:8: split: '25:00:00' is not a time of day (HH:MM:SS); row skipped",
                "ev/corrections.csv:9: chip takes CHIP HH:MM:SS, not 'AAA9'; row skipped",
                "ev/corrections.csv:10: ignore: 'reads/other.txt' is not a read file named in event.toml; row skipped",
                "ev/corrections.csv:11: close needs a race: one of 10k; row skipped",
                "ev/corrections.csv:12: undo needs the line number of an earlier valid row, not '40'; row skipped",
            ])
        #expect(folder.corrections.entries.map(\.line) == [3, 13])
        #expect(folder.corrections.statusOverride(runner: 1) == .dnf)
    }

    /// A row is one line: a quote left open on one is that row's problem,
    /// and the decisions on the lines around it still apply.
    @Test func aRowWithAQuoteLeftOpenIsSkippedAndTheOthersApply() throws {
        let folder = try load(
            """
            t,r,1,dq,TR 55.8,"cut the course
            t,r,2,dnf,,"withdrew, medical tent"
            t,r,3,penalty,soon,
            t,r,3,dns,,"never started

            """)
        #expect(
            folder.correctionProblems.map(\.description) == [
                "ev/corrections.csv:2: a quoted field opened on this line is never closed on it (a \" is missing); a field cannot hold a line break; row skipped",
                "ev/corrections.csv:4: penalty: 'soon' is not a time such as +1:00 (M:SS), +0:01:00 or +60; row skipped",
                "ev/corrections.csv:5: a quoted field opened on this line is never closed on it (a \" is missing); a field cannot hold a line break; row skipped",
            ])
        #expect(folder.corrections.entries.map(\.line) == [3])
        #expect(folder.corrections.entries.map(\.reason) == ["withdrew, medical tent"])
    }

    /// A header the rows cannot be read by is one problem, and no row applies.
    @Test(arguments: [
        (
            "when,who,bib,action,value,\"reason\nt,r,1,dq,,a\nt,r,2,dnf,,x\n",
            "ev/corrections.csv:1: the header row has a quote left open (a \" is missing); no row can be read without it"
        ),
        (
            "bib,action\n1,dq\n",
            "ev/corrections.csv:1: missing column when, who, value, reason; the header is when,who,bib,action,value,reason"
        ),
    ])
    func aHeaderThatCannotBeReadIsOneProblem(journal: String, problem: String) throws {
        let folder = try EventFolder.parse(
            path: "ev", config: LiveEventFolder.config, participants: LiveEventFolder.participants,
            corrections: journal)
        #expect(folder.corrections.isEmpty)
        #expect(folder.correctionProblems.map(\.description) == [problem])
    }

    @Test func noJournalIsNoCorrections() throws {
        let folder = try EventFolder.parse(
            path: "ev", config: LiveEventFolder.config, participants: LiveEventFolder.participants)
        #expect(folder.corrections.isEmpty && folder.correctionProblems.isEmpty)
    }

    @Test func aJournalOnDiskIsLoadedWithTheFolder() throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        #expect(try event.load().corrections.isEmpty)
        try event.replace("corrections.csv", with: CorrectionsLoader.header + "\nt,r,2,dq,,\n")
        #expect(try event.load().corrections.statusOverride(runner: 1) == .disqualified)
    }

    @Test func penaltiesInEveryForm() {
        #expect(CorrectionsLoader.duration("+1:30") == 90_000)
        #expect(CorrectionsLoader.duration("0:01:30") == 90_000)
        #expect(CorrectionsLoader.duration("90") == 90_000)
        #expect(CorrectionsLoader.duration("90s") == 90_000)
        #expect(CorrectionsLoader.duration("-0:30.5") == -30_500)
        #expect(CorrectionsLoader.duration("1:75") == nil)
        #expect(CorrectionsLoader.duration("") == nil)
    }
}
