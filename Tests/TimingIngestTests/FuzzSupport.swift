@testable import Simulation

/// The simulator's seeded generator drives the fuzz, so every run is the same
/// run and a failure names the seed that reproduces it.
typealias FuzzRandom = SplitMix64

/// Structure-aware mutations of a text made of fields: a field replaced by a
/// boundary value, separators dropped or doubled, the line cut or joined,
/// bytes a hostile file would hold. Random bytes alone rarely get past the
/// first check of a parser; these reach the deep branches.
enum FuzzMutations {
    static let boundaryValues: [String] = [
        "", "0", "-1", "00", "99", "999999999999999999999999", "9223372036854775807", "-9223372036854775808",
        "1e308", "1e-300", "-0.0", "nan", "inf", "23:59:59.999", "24:00:00", "99:99:99", "0:00:00", "00:00:00.",
        "12:3", "2025-02-30", "0000-00-00", "9999-12-31", "guntime", "GUNTIME", "ÿ", "\u{FEFF}", "\u{0}", "\u{1B}[2J",
        "\u{9B}31m", "\u{202E}", "\u{2028}", "\"", "'", "\\", "=cmd|' /C calc'!A0", String(repeating: "9", count: 300),
        String(repeating: "x", count: 5000), "😀", "김일성",
    ]
    static let separators: [Character] = ["~", ",", ";", ":", ".", "-", " ", "\t", "\r", "\n", "#"]

    static func mutate(_ text: String, using random: inout FuzzRandom) -> String {
        var s = Array(text)
        switch Int.random(in: 0..<9, using: &random) {
        case 0, 1:  // replace one field (a run between separators) with a boundary value
            let cuts = [0] + s.indices.filter { separators.contains(s[$0]) } + [s.count]
            let i = Int.random(in: 0..<(cuts.count - 1), using: &random)
            let lo = cuts[i] == 0 ? 0 : cuts[i] + 1, hi = cuts[i + 1]
            if lo <= hi { s.replaceSubrange(lo..<hi, with: Array(random.pick(boundaryValues))) }
        case 2:  // drop a separator
            if let i = s.indices.filter({ separators.contains(s[$0]) }).randomElement(using: &random) {
                s.remove(at: i)
            }
        case 3:  // double a separator
            if let i = s.indices.filter({ separators.contains(s[$0]) }).randomElement(using: &random) {
                s.insert(s[i], at: i)
            }
        case 4:  // cut the text short
            if !s.isEmpty { s.removeLast(Int.random(in: 0...s.count, using: &random)) }
        case 5:  // insert a hostile scalar anywhere
            s.insert(contentsOf: Array(random.pick(boundaryValues)), at: Int.random(in: 0...s.count, using: &random))
        case 6:  // swap a separator for another
            if let i = s.indices.filter({ separators.contains(s[$0]) }).randomElement(using: &random) {
                s[i] = random.pick(separators)
            }
        case 7:  // flip a digit or letter
            if let i = s.indices.randomElement(using: &random) {
                s[i] = random.pick(Array("0123456789abcdefAFxyz~;, ."))
            }
        default:  // repeat a stretch
            if !s.isEmpty {
                let lo = Int.random(in: 0..<s.count, using: &random), hi = Int.random(in: lo...s.count, using: &random)
                s.insert(contentsOf: s[lo..<hi], at: hi)
            }
        }
        return String(s)
    }

    /// One to three mutations in a row.
    static func mutated(_ text: String, using random: inout FuzzRandom) -> String {
        var out = text
        for _ in 0..<Int.random(in: 1...3, using: &random) { out = mutate(out, using: &random) }
        return out
    }
}
