/// A first argument that is no subcommand: the nearest one by spelling, so
/// `racedash reslts` says "did you mean 'results'?".
enum SubcommandGuess {
    /// nil when `word` is a subcommand, an option or help.
    static func problem(_ word: String, commands: [String]) -> String? {
        guard !word.hasPrefix("-"), word != "help", !commands.contains(word) else { return nil }
        let list = commands.joined(separator: ", ")
        let nearest = commands.map { (name: $0, distance: distance(word.lowercased(), $0)) }
            .min { $0.distance < $1.distance }
        if let nearest, nearest.distance <= max(2, nearest.name.count / 3) {
            return "unknown command '\(word)'; did you mean '\(nearest.name)'? Commands: \(list)"
        }
        return "unknown command '\(word)'; commands: \(list)"
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
