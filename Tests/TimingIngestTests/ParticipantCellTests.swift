import RaceModel
import Testing

@testable import TimingIngest

/// The participant list's coded cells (race, wave, sex, age, division) are
/// read from their bytes; each must read as its text always has: the
/// trimmed String, looked up or parsed.
@Suite struct ParticipantCellTests {
    static let config = EventFolderTests.config.replacingOccurrences(
        of: "{ id = \"mass\", gun = \"08:10:30.5\" }",
        with: "{ id = \"mass\", gun = \"08:10:30.5\" }, { id = \"\u{B9C8}\u{C2A4}\", gun = \"08:20:00\" }")

    /// The row's value for the column, or the error's text.
    func read(_ column: String, _ cell: String, config: String = config) -> String {
        let list = "bib,name,race,\(column)\n1,A,marathon,\"\(cell)\"\n"
        do {
            let p = try EventFolder.parse(path: "ev", config: config, participants: list).participants[0]
            switch column {
            case "sex": return "\(p.sex.map(\.rawValue) ?? "none")"
            case "age": return "\(p.age.map(String.init) ?? "none")"
            case "division": return p.division.rawValue
            default: return "\(p.waveIndex)"
            }
        } catch {
            return "error"
        }
    }

    /// What the trimmed text gives, read as a String.
    func expected(_ column: String, _ cell: String, event: EventConfig) -> String {
        let text = cell.trimmed
        if text.isEmpty { return ["sex": "none", "age": "none", "division": "amateur", "wave": "0"][column]! }
        switch column {
        case "sex": return Sex(rawValue: text.uppercasedIfNeeded).map(\.rawValue) ?? "error"
        case "age": return Int(text).flatMap { (0...120).contains($0) ? String($0) : nil } ?? "error"
        case "division": return Division(rawValue: text.lowercasedIfNeeded)?.rawValue ?? "error"
        default: return event.races[0].waveIndex(id: text).map(String.init) ?? "error"
        }
    }

    /// With every race and wave id ASCII (matched by bytes), and with one in Hangul (by Strings).
    @Test(arguments: [EventFolderTests.config, config])
    func codedCellsReadAsTheirText(config: String) throws {
        let event = try EventFolder.parse(path: "ev", config: config, participants: "bib,name,race\n").event
        let cells: [String: [String]] = [
            "sex": ["M", "m", " f\t", "X", "x", "Q", "MM", "", " ", "\u{FF2D}", "\u{1D40C}"],
            "age": ["0", "7", "007", "45", "120", "121", "999", "1000", "+30", "-0", "-1", "3a", " 28 ", "\u{0663}"],
            "division": ["elite", "ELITE", "Amateur", "amateur ", "elit", "elites", "\u{C9}LITE", "\u{130}", "el1te"],
            "wave": ["elite", "mass", "Mass", "z", "\u{B9C8}\u{C2A4}", "\u{1106}\u{1161}\u{1109}\u{1173}", "ma"],
        ]
        for (column, values) in cells {
            for cell in values {
                #expect(
                    read(column, cell, config: config) == expected(column, cell, event: event),
                    "\(column) \(cell.debugDescription)")
            }
        }
    }

    /// A race named in Hangul is matched by a cell in decomposed jamo, as
    /// the Strings are equal; a race id of ASCII letters by the Kelvin sign
    /// standing for its K, whose canonical form is K.
    @Test func raceIdsMatchByCanonicalEquivalence() throws {
        let hangul = EventFolderTests.config.replacingOccurrences(of: "id = \"marathon\"", with: "id = \"\u{B9C8}\"")
        let composed = "bib,name,race\n1,A,\u{B9C8}\n"
        let decomposed = "bib,name,race\n1,A,\u{1106}\u{1161}\n"
        #expect(try EventFolder.parse(path: "ev", config: hangul, participants: composed).participants.count == 1)
        #expect(try EventFolder.parse(path: "ev", config: hangul, participants: decomposed).participants.count == 1)
        let kelvin = EventFolderTests.config.replacingOccurrences(of: "id = \"marathon\"", with: "id = \"K42\"")
        #expect("\u{212A}42" == "K42")
        let list = "bib,name,race\n1,A,\u{212A}42\n2,B,K42\n"
        #expect(try EventFolder.parse(path: "ev", config: kelvin, participants: list).participants.count == 2)
        #expect(throws: ConfigError.self) {
            try EventFolder.parse(path: "ev", config: kelvin, participants: "bib,name,race\n1,A,k42\n")
        }
    }
}
