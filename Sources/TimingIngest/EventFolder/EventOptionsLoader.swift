import RaceModel
import TOMLKit

/// The event options beyond points and races: age groups, official time
/// precision, awards, and `[rules]` overridden per race and wave.
extension TableReader {
    /// `age_groups = [18, 40, ...]`, or a table with `bounds`, per-sex `M`/`F`/`X`
    /// bounds and an optional `upper` bound closing the last group.
    func ageGroups(_ root: TOMLTable) throws(ConfigError) -> AgeGroups {
        guard let v = root["age_groups"] else { return AgeGroups(lowerBounds: []) }
        if v.array != nil { return AgeGroups(lowerBounds: try ageBounds(v, key: "age_groups")) }
        guard let t = v.table else {
            throw fail("", "'age_groups' must be an array of ages like [18, 40, 45] or a table with bounds = [...]")
        }
        for key in t.keys where !["bounds", "upper", "M", "F", "X"].contains(key) {
            throw fail("age_groups", "unknown key '\(key)'; use bounds, M, F, X or upper")
        }
        let bounds = try t["bounds"].map { v throws(ConfigError) in try ageBounds(v, key: "age_groups.bounds") } ?? []
        var bySex: [Sex: [Int]] = [:]
        for sex in Sex.allCases {
            if let v = t[sex.rawValue] { bySex[sex] = try ageBounds(v, key: "age_groups.\(sex.rawValue)") }
        }
        var upper: Int? = nil
        if let u = t["upper"] {
            guard let n = u.int, (0...150).contains(n) else {
                throw fail("age_groups", "'upper' must be a whole number of years from 0 to 150")
            }
            let lows = ([bounds] + Array(bySex.values)).compactMap(\.last)
            if let highest = lows.max(), n < highest {
                throw fail("age_groups", "'upper' \(n) is below the last group's lower bound \(highest)")
            }
            upper = n
        }
        return AgeGroups(lowerBounds: bounds, bySex: bySex, lastUpperBound: upper)
    }

    func ageBounds(_ v: TOMLValueConvertible, key: String) throws(ConfigError) -> [Int] {
        guard let array = v.array else { throw fail("", "'\(key)' must be an array of ages, e.g. [18, 40, 45]") }
        var out: [Int] = []
        for item in array {
            guard let a = item.int, (0...150).contains(a) else {
                throw fail("", "'\(key)' must hold whole numbers from 0 to 150")
            }
            out.append(a)
        }
        if Set(out).count != out.count { throw fail("", "'\(key)' has the same age twice") }
        return out
    }

    /// `precision = "seconds" | "tenths" | "hundredths"`.
    func precision(_ root: TOMLTable) throws(ConfigError) -> TimePrecision {
        guard let name = try optionalString(root, "precision", at: "") else { return .seconds }
        guard let p = TimePrecision(rawValue: name) else {
            throw fail("", "'precision' must be \"seconds\", \"tenths\" or \"hundredths\", not \"\(name)\"")
        }
        return p
    }

    /// `[awards] top = 3, overall_in_age_groups = false`.
    func awards(_ root: TOMLTable) throws(ConfigError) -> AwardRules {
        var awards = AwardRules()
        guard let v = root["awards"] else { return awards }
        guard let t = v.table else { throw fail("", "[awards] must be a table") }
        try ConfigKeys.check(t, ConfigKeys.awards, table: "[awards]", at: "awards", reader: self)
        if let n = try optionalNumber(t, "top", at: "awards") {
            guard n >= 1, n == n.rounded(), n <= 1000 else {
                throw fail("awards", "'top' must be a whole number from 1 to 1000")
            }
            awards.top = Int(n)
        }
        if let b = t["overall_in_age_groups"] {
            guard let flag = b.bool else { throw fail("awards", "'overall_in_age_groups' must be true or false") }
            awards.overallInAgeGroups = flag
        }
        return awards
    }

    /// A race's or wave's `rules = { ... }` over the rules it inherits; nil when it gives none.
    func ruleOverrides(_ t: TOMLTable, over base: TimingRules, at path: String) throws(ConfigError) -> TimingRules? {
        guard let v = t["rules"] else { return nil }
        guard let table = v.table else { throw fail(path, "'rules' must be a table like { max_speed_kmh = 40 }") }
        return try rules(table, over: base, at: "\(path).rules")
    }

    /// `clock = "gun" | "net"` where one may be given.
    func optionalClock(_ t: TOMLTable, at path: String) throws(ConfigError) -> RankingClock? {
        try optionalClock(t, key: "clock", at: path)
    }

    /// `division_clocks = { elite = "gun", amateur = "net" }`.
    func divisionClocks(_ t: TOMLTable, at path: String) throws(ConfigError) -> [Division: RankingClock] {
        guard let v = t["division_clocks"] else { return [:] }
        guard let table = v.table else {
            throw fail(path, "'division_clocks' must be a table like { elite = \"gun\" }")
        }
        var out: [Division: RankingClock] = [:]
        for key in table.keys {
            guard let division = Division(rawValue: key) else {
                throw fail(path, "division_clocks: unknown division '\(key)'; divisions are elite, amateur")
            }
            out[division] = try optionalClock(table, key: key, at: "\(path).division_clocks")
        }
        return out
    }

    func optionalClock(_ t: TOMLTable, key: String, at path: String) throws(ConfigError) -> RankingClock? {
        guard let name = try optionalString(t, key, at: path) else { return nil }
        guard let clock = RankingClock(rawValue: name) else {
            throw fail(path, "'\(key)' must be \"gun\" or \"net\", not \"\(name)\"")
        }
        return clock
    }
}
