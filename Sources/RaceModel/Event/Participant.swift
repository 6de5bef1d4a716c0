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
    // The strings first and the one-byte fields last: no padding between
    // them, 112 bytes a runner where the order of the columns took 128.
    public var bib: String
    public var name: String
    public var chip: String?
    /// Three-letter country code.
    public var country: String?
    public var club: String?
    public var raceIndex: Int
    public var waveIndex: Int
    public var age: Int?
    public var sex: Sex?
    public var division: Division

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
