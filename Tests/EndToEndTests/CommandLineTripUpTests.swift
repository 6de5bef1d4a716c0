import Foundation
import TestSupport
import Testing

/// What a new user tripped on at the command line, on the built binary.
@Suite(.timeLimit(.minutes(3)))
struct CommandLineTripUpTests {
    @Test func negativeNumbersReachTheCheckThatSaysWhatIsWrong() async throws {
        let top = try await racedash(["awards", SampleFeed.path, "--top", "-3"])
        #expect(top.status != 0 && top.stderr.contains("--top must be from 1 to 1000, not -3"), "\(top.stderr)")
        let many = try await racedash(["awards", SampleFeed.path, "--top", "5000"])
        #expect(many.status != 0 && many.stderr.contains("--top must be from 1 to 1000, not 5000"), "\(many.stderr)")
        #expect(!top.stderr.contains("Missing value"))
        let limit = try await racedash(["check", SampleFeed.path, "--limit", "-1"])
        #expect(limit.stderr.contains("--limit must be 0 or more, not -1"), "\(limit.stderr)")
        let speed = try await racedash(["replay", SampleFeed.path, "--speed", "-5"])
        #expect(speed.stderr.contains("--speed -5 is out of range"), "\(speed.stderr)")
    }

    @Test func anUnknownRaceNamesTheRacesThereAre() async throws {
        let result = try await racedash(["results", SampleFeed.path, "--race", "marthon"])
        #expect(result.status != 0)
        #expect(result.stderr == "Error: unknown race 'marthon'; races are marathon, half, 10k\n")
    }

    @Test func sexIsTakenInEitherCaseAndXIsDocumented() async throws {
        let lower = try await racedash(["results", SampleFeed.path, "--race", "10k", "--sex", "f", "--format", "csv"])
        let upper = try await racedash(["results", SampleFeed.path, "--race", "10k", "--sex", "F", "--format", "csv"])
        #expect(lower.status == 0, "\(lower.stderr)")
        #expect(lower.stdout == upper.stdout && lower.stdout.contains(",F,"))
        let help = try await racedash(["results", "--help"])
        #expect(help.stdout.contains("M, F or X"))
    }

    @Test func aBadTimeOfDaySaysWhy() async throws {
        let minute = try await racedash(["results", SampleFeed.path, "--at", "9:61"])
        #expect(minute.status != 0)
        #expect(minute.stderr.contains("minute 61 is past 59"), "\(minute.stderr)")
        let hour = try await racedash(["results", SampleFeed.path, "--at", "25:00"])
        #expect(hour.stderr.contains("hour 25 is past 23: after midnight write the next day's time with +1d"))
        let form = try await racedash(["replay", SampleFeed.path, "--from", "noon"])
        #expect(form.stderr.contains("write HH:MM or HH:MM:SS"), "\(form.stderr)")
    }

    @Test func aMistypedCommandGetsASuggestion() async throws {
        let typo = try await racedash(["reslts", SampleFeed.path])
        #expect(typo.status != 0)
        #expect(typo.stderr.hasPrefix("Error: unknown command 'reslts'; did you mean 'results'?"), "\(typo.stderr)")
        let nothing = try await racedash(["xyzzy"])
        #expect(nothing.stderr.hasPrefix("Error: unknown command 'xyzzy'; commands: replay, live, results"))
        let helpTypo = try await racedash(["help", "reslts"])
        #expect(helpTypo.status != 0)
        #expect(helpTypo.stderr.hasPrefix("Error: unknown command 'reslts'; did you mean 'results'?"))
        // Real commands and help are untouched.
        #expect(try await racedash(["help"]).stdout.contains("SUBCOMMANDS"))
        #expect(try await racedash(["help", "results"]).stdout.contains("USAGE: racedash results"))
    }

    @Test func aSelectionOfNobodySaysWhichChoiceEmptiedIt() async throws {
        let sex = try await racedash([
            "results", SampleFeed.path, "--race", "marathon", "--division", "elite", "--sex", "X",
        ])
        #expect(sex.status != 0)
        #expect(sex.stdout.isEmpty)
        #expect(
            sex.stderr == "Error: nothing matched: nobody in race marathon (elite) has sex X (there: M 16, F 11)\n")
        let division = try await racedash(["results", SampleFeed.path, "--race", "10k", "--division", "elite"])
        #expect(division.stderr.contains("nobody in race 10k is in the elite division (there: amateur 311)"))
    }

    @Test(arguments: [
        ["results", "--format", "csv"], ["results"], ["results", "--format", "json"], ["awards"], ["check"],
    ])
    func aReportThatCannotBeWrittenFailsSayingWhy(command: [String]) async throws {
        // A full disk: the report is cut short, and the command must not exit 0 as if it were whole.
        let full = try await racedash([command[0], SampleFeed.path] + command.dropFirst(), stdoutPath: "/dev/full")
        #expect(full.status == 1, "\(command) exited \(full.status)")
        #expect(full.stderr == "Error: cannot write the output: No space left on device\n", "\(full.stderr)")
    }

    @Test func checkSaysABonusOverTheLastSegmentWasNotApplied() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let event = scratch.file("event")
        try FileManager.default.copyItem(atPath: SampleFeed.path, toPath: event)
        try? FileManager.default.removeItem(atPath: event + "/corrections.csv")
        try
            ("when,who,bib,action,value,reason\n"
            + "2025-04-06T15:00:00+09:00,referee,9,bonus,3:00:00,typed for 0:03:00\n").write(
                toFile: event + "/corrections.csv", atomically: true, encoding: .utf8)
        let check = try await racedash(["check", event])
        #expect(
            check.stdout.contains(
                "bonus -3:00:00: typed for 0:03:00 (NOT applied: more than the runner's last segment)"),
            "\(check.stdout)")
        let csv = try await racedash(["results", event, "--format", "csv", "--race", "marathon"])
        let row = csv.stdout.split(separator: "\n").first { $0.split(separator: ",")[1] == "9" }
        #expect(row?.contains("bonus not applied: more than the last segment") == true, "\(row ?? "")")
    }

    @Test func resultsAndAwardsSayWhichReadFilesAreMissing() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let event = scratch.file("event")
        try FileManager.default.copyItem(atPath: SampleFeed.path, toPath: event)
        try FileManager.default.removeItem(atPath: event + "/reads/km10.txt")
        for command in ["results", "awards"] {
            let run = try await racedash([command, event])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(
                run.stderr.contains("warning: read file reads/km10.txt does not exist: no reads from it\n"),
                "\(command): \(run.stderr)")
        }
        let whole = try await racedash(["results", SampleFeed.path])
        #expect(!whole.stderr.contains("does not exist"), "\(whole.stderr)")
    }

    @Test func simulateRefusesToWriteOverAFolderWithoutForce() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try scratch.write("event.toml", "# an earlier event\n")
        let refused = try await racedash(["simulate", "--out", scratch.path, "--runners", "10"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already holds files (event.toml): pass --force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: scratch.file("event.toml"), encoding: .utf8) == "# an earlier event\n")
        let forced = try await racedash(["simulate", "--out", scratch.path, "--runners", "10", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: scratch.file("event.toml"), encoding: .utf8) != "# an earlier event\n")
        // An officials' journal is not written over even with --force: its rows would apply to the new runners.
        let journal = "when,who,bib,action,value,reason\n2025-04-06T10:00:00+09:00,referee,3,dq,TR 55.8,cut\n"
        try scratch.write("corrections.csv", journal)
        let kept = try await racedash(["simulate", "--out", scratch.path, "--runners", "10", "--force"])
        #expect(kept.status != 0)
        #expect(kept.stderr.contains("holds an officials' journal (corrections.csv) that --force does not write over"))
        #expect(try String(contentsOfFile: scratch.file("corrections.csv"), encoding: .utf8) == journal)
        let paced = try await racedash(["simulate", "--out", scratch.file("new"), "--runners", "10", "--speed", "50"])
        #expect(paced.status != 0 && paced.stderr.contains("--speed and --from set the pace of --live or --serve"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("new")))
        let nowhere = try await racedash(["simulate", "--out", "", "--runners", "10"])
        #expect(
            nowhere.status != 0 && nowhere.stderr.contains("--out needs the path of the folder"), "\(nowhere.stderr)")
    }

    @Test func simulateLivePrintsProgressWhileItWrites() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let out = scratch.file("race")
        let result = try await racedash([
            "simulate", "--out", out, "--runners", "20", "--live", "--speed", "100000",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("writing \(out) live at 100000.0x") == true, "\(result.stdout)")
        #expect(lines.contains { $0.contains(" race clock: ") && $0.contains(" lines written (") }, "\(result.stdout)")
        #expect(lines.last?.hasPrefix("wrote \(out): 20 runners") == true)
    }

    /// The served race writes its folder after the decoders are listening: a
    /// folder it cannot write stops it with the reason, not silently with 0.
    @Test func simulateServeIntoAFolderItCannotWriteSaysSo() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        try scratch.write("taken", "a file where the folder would go\n")
        let out = scratch.file("taken") + "/race"
        let result = try await racedash(["simulate", "--serve", "--out", out, "--runners", "10", "--speed", "100"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot write \(out)"), "\(result.stderr)")
        #expect(!result.stdout.contains("serving"), "\(result.stdout)")
    }
}
