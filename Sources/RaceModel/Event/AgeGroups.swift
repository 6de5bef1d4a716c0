/// Age groups from their lower bounds: `[18, 40, 45, 80]` gives
/// "18-39", "40-44", "45-79", "80+", and "U18" below the first bound.
public struct AgeGroups: Sendable, Equatable {
    public let lowerBounds: [Int]

    public init(lowerBounds: [Int]) { self.lowerBounds = lowerBounds.sorted() }

    public var labels: [String] { lowerBounds.indices.map(label(forGroup:)) }

    /// Index into `labels`, or nil when the age is unknown or below the first bound.
    public func group(forAge age: Int?) -> Int? {
        guard let age, let first = lowerBounds.first, age >= first else { return nil }
        return lowerBounds.lastIndex { $0 <= age }
    }

    public func label(forAge age: Int?) -> String {
        guard let age else { return "" }
        if let g = group(forAge: age) { return label(forGroup: g) }
        return lowerBounds.first.map { "U\($0)" } ?? ""
    }

    public func label(forGroup g: Int) -> String {
        let low = lowerBounds[g]
        if g + 1 < lowerBounds.count { return "\(low)-\(lowerBounds[g + 1] - 1)" }
        return "\(low)+"
    }
}
