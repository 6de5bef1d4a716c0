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
    @Option(help: "Only this sex: M or F.")
    var sex: Sex?
    @Option(help: "Standings at this time of day, HH:MM:SS (default: the end of the feed).")
    var at: TimeOfDayArgument?
    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    func run() async throws {
        let loaded = try LoadedEvent.load(event)
        var filter = ResultsFilter(division: division, sex: sex)
        if let race {
            guard let index = loaded.folder.event.raceIndex(id: race) else {
                throw RacedashError("unknown race '\(race)'; races are \(loaded.folder.event.races.map(\.id).joined(separator: ", "))")
            }
            filter.race = index
        }
        let snapshot = await loaded.state().snapshot(at: at?.ms)
        switch format {
        case .table: print(TableReport.render(snapshot, filter: filter), terminator: "")
        case .csv: print(CSVReport.render(snapshot, filter: filter), terminator: "")
        case .json: print(JSONReport.render(snapshot, filter: filter), terminator: "")
        }
    }
}
