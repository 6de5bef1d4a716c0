import RaceModel

/// `participants.csv`: RFC 4180 quoting, and a column order other than the
/// table in the contract, since readers must go by the header.
enum ParticipantsWriter {
    static let header = ["bib", "chip", "name", "sex", "age", "country", "race", "wave", "division", "club"]

    static func text(_ entrants: [Entrant], course: CourseSpec) -> String {
        var out = header.joined(separator: ",") + "\n"
        out.reserveCapacity(entrants.count * 72)
        for e in entrants {
            let race = course.races[e.race]
            let fields = [
                e.bib, e.chip ?? "", e.name, e.sex.rawValue, String(e.age), e.country, race.id,
                race.waves[e.wave].id, e.division.rawValue, e.club ?? "",
            ]
            out += fields.map(field).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    static func field(_ s: String) -> String {
        guard
            s.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
                    || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
            })
        else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
