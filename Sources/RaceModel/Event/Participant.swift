public enum Sex: String, Sendable, Equatable, CaseIterable {
    case male = "M", female = "F", other = "X"

    /// 0, 1, 2: for per-sex arrays.
    public var index: Int {
        switch self {
        case .male: return 0
        case .female: return 1
        case .other: return 2
        }
    }
}

public enum Division: String, Sendable, Equatable, CaseIterable {
    case elite, amateur

    /// 0, 1: for per-division arrays.
    public var index: Int { self == .elite ? 0 : 1 }
}

/// One row of `participants.csv`.
public struct Participant: Sendable, Equatable {
    public var bib: String
    public var name: String
    public var raceIndex: Int
    public var chip: String?
    public var sex: Sex?
    public var age: Int?
    /// Three-letter country code.
    public var country: String?
    public var division: Division
    public var waveIndex: Int
    public var club: String?

    public init(
        bib: String, name: String, raceIndex: Int, chip: String? = nil, sex: Sex? = nil,
        age: Int? = nil, country: String? = nil, division: Division = .amateur,
        waveIndex: Int = 0, club: String? = nil
    ) {
        self.bib = bib
        self.name = name
        self.raceIndex = raceIndex
        self.chip = chip
        self.sex = sex
        self.age = age
        self.country = country
        self.division = division
        self.waveIndex = waveIndex
        self.club = club
    }
}
