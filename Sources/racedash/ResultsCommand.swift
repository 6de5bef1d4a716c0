import Foundation
import ArgumentParser
import RaceModel
import ResultsReport

struct ResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Print standings of an event folder, headless.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The event folder (event.toml, participants.csv, read files).")
    var event: String
    @Option(help: "Only this race (an id from event.toml).")
    var race: String?
    @Option(help: "Only this division: elite or amateur.")
    var division: Division?
    @Option(help: "Only this sex: M, F or X (neither, or not stated), in either case.")
    var sex: Sex?
    @Option(
        help:
            "Standings at this time of day, HH:MM:SS (default: the end of the feed); after midnight in a night race is the next day, or say so: 01:30:00+1d.",
        transform: TimeOfDayArgument.parse
    )
    var at: TimeOfDayArgument?
    @Flag(help: "Final results: the race is over, nobody is left on course (no finish read is a DNF).")
    var final = false
    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    func run() async throws {
        let loaded = try await LoadedEvent.load(event)
        let raceIndex = try loaded.raceIndex(race)
        if let nobody = EmptySelection.reason(loaded.folder, race: raceIndex, division: division, sex: sex) {
            throw RacedashError(nobody)
        }
        let filter = ResultsFilter(race: raceIndex, division: division, sex: sex)
        let snapshot = await loaded.state().snapshot(
            at: at?.placed(in: loaded.folder.event), final: final, placesOnly: true)
        // Kept alive to the exit: the system takes back the whole process at
        // once, where freeing a big race's reads, timelines and rows one by
        // one costs tens of ms (their last use inside the writing closure let
        // them be freed before the exit: 50,000 rows, 12 ms).
        try withExtendedLifetime((loaded, snapshot)) {
            try writingOutput {
                switch format {
                case .table: try StandardOutput.write(TableReport.render(snapshot, filter: filter))
                case .csv: try CSVReport.writeToStandardOutput(snapshot, filter: filter)
                case .json: try StandardOutput.write(JSONReport.render(snapshot, filter: filter))
                }
            }
            fflush(nil)
            Foundation.exit(0)
        }
    }
}
