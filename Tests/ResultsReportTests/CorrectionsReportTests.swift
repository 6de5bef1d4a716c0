import Testing
import RaceModel
import RaceStore
import Snapshots
import TestSupport
import TimingIngest
@testable import ResultsReport

/// The sample feed with the officials' decisions on it: bib 188 (who cut
/// the course) disqualified, elite bibs 15 and 16 (stopped at 30K) DNF.
/// Every correction shows in the CSV and JSON flags and in `check`.
@Suite struct CorrectionsReportTests {
    static let journal = """
        \(CorrectionsLoader.header)
        2025-04-06T12:10:00+09:00,referee,188,dq,TR 55.8,cut the course 20K to 40K
        2025-04-06T12:11:00+09:00,referee,15,dnf,,stopped at 30K
        2025-04-06T12:11:30+09:00,referee,16,dnf,,stopped at 30K
        2025-04-06T12:12:00+09:00,referee,9999,dnf,,

        """

    func snapshot(journal: String = journal) async throws -> (RaceSnapshot, EventFolder) {
        let disk = try SampleFeed.folder()
        let read = { (name: String) in
            String(decoding: try ReadFileScanner.readFile(atPath: SampleFeed.path + "/" + name), as: UTF8.self)
        }
        let folder = try EventFolder.parse(
            path: SampleFeed.path, config: read("event.toml"),
            participants: read("participants.csv"), corrections: journal)
        #expect(folder.participants == disk.participants)
        let (log, _) = try ReadLogLoader.load(folder)
        return (await RaceState(folder: folder, log: log).snapshot(), folder)
    }

    func csvRow(_ csv: String, bib: String) -> [Substring]? {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }.first {
            $0[1] == bib
        }
    }

    @Test func theCSVShowsStatusesAndCorrectionsAndPlacesCloseUp() async throws {
        let (plain, _) = try await snapshot(journal: "")
        let (corrected, _) = try await snapshot()
        let before = CSVReport.render(plain, filter: ResultsFilter(race: 0))
        let after = CSVReport.render(corrected, filter: ResultsFilter(race: 0))
        let cutter = try #require(csvRow(after, bib: "188"))
        #expect(cutter[0] == "" && cutter[9] == "DQ")
        #expect(
            after.contains("missed split;impossible split;suspicious segment;DQ (TR 55.8): cut the course 20K to 40K"))
        #expect(csvRow(after, bib: "15")?[9] == "DNF")
        #expect(csvRow(after, bib: "16")?[9] == "DNF")
        #expect(after.contains("DNF: stopped at 30K"))
        // The runner behind 188 moves up one place.
        let behind = try #require(csvRow(before, bib: "188")).first.flatMap { Int($0) }.map { $0 + 1 }
        let next = before.split(separator: "\n").first { $0.hasPrefix("\(behind!),") }!.split(separator: ",")[1]
        #expect(csvRow(after, bib: String(next))?[0] == Substring(String(behind! - 1)))
        // DQ is listed after DNF.
        let statuses = after.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)[9]
        }
        #expect(statuses.lastIndex(of: "DNF")! < statuses.firstIndex(of: "DQ")!)
    }

    @Test func theJSONFlagsCarryTheCorrection() async throws {
        let json = JSONReport.render(try await snapshot().0, filter: ResultsFilter(race: 0))
        #expect(json.contains("\"DQ (TR 55.8): cut the course 20K to 40K\""))
        #expect(json.contains("\"status\" : \"DQ\""))
    }

    @Test func checkListsEveryRowAndTheSkippedOnes() async throws {
        let (snap, folder) = try await snapshot()
        let report = CheckReport.render(snap, correctionProblems: folder.correctionProblems.map(\.description))
        #expect(report.contains("Corrections (corrections.csv): 3 applied, 1 skipped\n"))
        #expect(
            report.contains(
                "  line 2: bib 188 Amélie Béranger: DQ (TR 55.8): cut the course 20K to 40K [2025-04-06T12:10:00+09:00 by referee]\n"
            ))
        #expect(report.contains("  line 4: bib 16 Mohamed Bakkali: DNF: stopped at 30K"))
        #expect(report.contains("  skipped: \(SampleFeed.path)/corrections.csv:5: unknown bib 9999; row skipped\n"))
    }

    @Test func withoutAJournalCheckSaysNothingOfIt() async throws {
        #expect(!CheckReport.render(try await snapshot(journal: "").0).contains("Corrections"))
    }
}
