import Testing
import RaceModel
@testable import TimingIngest
@testable import Simulation

/// A seeded, bounded fuzz of event.toml: every mutation either is refused
/// with one `ConfigError` naming the file, or loads a configuration that the
/// timing rules can run on without a crash (no number that passes the checks
/// overflows the arithmetic behind the standings).
@Suite struct ConfigFuzzTests {
    /// Reads of the test event's three runners at both points, valid and not.
    static let reads: [(file: Int, line: String)] = [
        (0, "058000128608,08:00:03"), (0, "ABCDEF,08:10:40"), (2, "058000128608,08:20:00"),
        (2, "2,08:41:00"), (2, "ABCDEF,08:45:10.5"), (0, "058000128608,10:31:00"), (0, "2,11:02:00"),
        (1, "ABCDEF,11:15:00"), (0, "058000128608,23:59:59.999"), (1, "9,00:00:00"),
    ]

    @Test(arguments: [11, 12, 13] as [UInt64])
    func everyMutationIsRefusedCleanlyOrComputes(seed: UInt64) throws {
        var random = FuzzRandom(seed: seed)
        var loaded = 0
        for round in 0..<200 {
            let config = FuzzMutations.mutated(EventFolderTests.config, using: &random)
            let folder: EventFolder
            do {
                folder = try EventFolder.parse(path: "ev", config: config, participants: EventFolderTests.participants)
            } catch {
                #expect(error.file.hasPrefix("ev/"), "seed \(seed) round \(round)")
                continue
            }
            loaded += 1
            var log = ReadLog(files: folder.readFiles)
            for (number, read) in Self.reads.enumerated() where read.file < folder.readFiles.count {
                ReadLogLoader.ingest(
                    line: read.line, number: number + 1, file: read.file, into: &log, event: folder.event)
            }
            let computation = RaceComputation(event: folder.event, participants: folder.participants)
            for at in [nil, 0, 9 * 3_600_000, 86_399_999] as [Millis?] {
                let evaluation = computation.evaluate(log, at: at)
                #expect(evaluation.standings.count == folder.event.races.count, "seed \(seed) round \(round)")
            }
        }
        // The mutations must leave enough configurations loadable to test the rules at all
        // (a mutated key name is refused as unknown, so about a tenth load).
        #expect(loaded > 15, "seed \(seed): only \(loaded) of 200 mutations loaded")
    }
}
