/// Age groups per sex, from their lower bounds: `[18, 40, 45, 80]` gives
/// "M18-39", "M40-44", "M45-79", "M80+" for men (and the same for F and X
/// unless a sex has bounds of its own), "U18" below the first bound. An
/// optional upper bound closes the last group ("80-99" instead of "80+").
/// Places and awards are per sex and age group, as in road running; a
/// runner with no age or no sex is in no group.
public struct AgeGroups: Sendable, Equatable {
    /// Bounds for every sex without bounds of its own.
    public let lowerBounds: [Int]
    public let boundsBySex: [Sex: [Int]]
    /// Oldest age of the last group, when the event publishes one.
    public let lastUpperBound: Int?

    public init(lowerBounds: [Int], bySex: [Sex: [Int]] = [:], lastUpperBound: Int? = nil) {
        self.lowerBounds = lowerBounds.sorted()
        boundsBySex = bySex.mapValues { $0.sorted() }
        self.lastUpperBound = lastUpperBound
    }

    public func bounds(for sex: Sex) -> [Int] { boundsBySex[sex] ?? lowerBounds }

    /// Groups of every sex in one flat numbering: M's, then F's, then X's.
    public var groupCount: Int { Sex.allCases.reduce(0) { $0 + bounds(for: $1).count } }

    func offset(of sex: Sex) -> Int {
        var n = 0
        for s in Sex.allCases {
            if s == sex { return n }
            n += bounds(for: s).count
        }
        return n
    }

    /// Flat group index, or nil when age or sex is unknown or the age is outside every group.
    public func group(sex: Sex?, age: Int?) -> Int? {
        guard let sex, let age, let g = Self.index(in: bounds(for: sex), age: age, upper: lastUpperBound) else {
            return nil
        }
        return offset(of: sex) + g
    }

    static func index(in bounds: [Int], age: Int, upper: Int?) -> Int? {
        guard let first = bounds.first, age >= first else { return nil }
        if let upper, age > upper { return nil }
        return bounds.lastIndex { $0 <= age }
    }

    /// Sex and group within that sex of a flat index.
    public func split(_ flat: Int) -> (sex: Sex, group: Int)? {
        var rest = flat
        for s in Sex.allCases {
            let n = bounds(for: s).count
            if rest < n { return (s, rest) }
            rest -= n
        }
        return nil
    }

    /// `M40-44` for a flat index.
    public func label(forGroup flat: Int) -> String {
        guard let (sex, g) = split(flat) else { return "" }
        return sex.rawValue + Self.range(bounds(for: sex), g, upper: lastUpperBound)
    }

    /// `M40-44`; without sex the range alone (`40-44`, no place goes with it);
    /// `U18` below the first group, `99+` above a closed last group.
    public func label(sex: Sex?, age: Int?) -> String {
        let range = range(sex: sex, age: age)
        return range.isEmpty ? "" : (sex?.rawValue ?? "") + range
    }

    /// The label without the sex (`40-44`), by that sex's bounds: for
    /// columns beside a sex column or in a table of one sex.
    public func range(sex: Sex?, age: Int?) -> String {
        guard let age else { return "" }
        let bounds = sex.map(bounds(for:)) ?? lowerBounds
        if let g = Self.index(in: bounds, age: age, upper: lastUpperBound) {
            return Self.range(bounds, g, upper: lastUpperBound)
        }
        if let first = bounds.first, age < first { return "U\(first)" }
        if let upper = lastUpperBound { return "\(upper)+" }
        return ""
    }

    /// The group of the default bounds an age falls in, whatever the sex:
    /// the dashboard's age filter, which goes beside its sex filter.
    public func defaultGroup(age: Int?) -> Int? {
        age.flatMap { Self.index(in: lowerBounds, age: $0, upper: lastUpperBound) }
    }

    /// The sexless labels of the default bounds.
    public var labels: [String] { lowerBounds.indices.map { Self.range(lowerBounds, $0, upper: lastUpperBound) } }

    public func label(forAge age: Int?) -> String { label(sex: nil, age: age) }

    static func range(_ bounds: [Int], _ g: Int, upper: Int?) -> String {
        let low = bounds[g]
        if g + 1 < bounds.count { return "\(low)-\(bounds[g + 1] - 1)" }
        return upper.map { "\(low)-\($0)" } ?? "\(low)+"
    }
}
