/// Why a typed time of day was refused, in the user's terms.
enum TimeOfDayProblem {
    static let form = "write HH:MM or HH:MM:SS, e.g. 09:30 or 09:30:15"

    static func describe(_ text: String) -> String {
        var clock = Substring(text)
        if let plus = text.firstIndex(of: "+") {
            let days = text[text.index(after: plus)...]
            guard days.hasSuffix("d"), let n = Int(days.dropLast()), (0..<10).contains(n) else {
                return "'\(days)' is not a day: after midnight write +1d, e.g. 01:30:00+1d"
            }
            clock = text[..<plus]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return "'\(clock)' is not a time of day: \(form)" }
        for (i, part) in parts.enumerated() {
            let whole = i == 2 ? part.split(separator: ".", omittingEmptySubsequences: false).first ?? part : part
            guard !whole.isEmpty, whole.count <= 2, whole.allSatisfy(\.isASCII), let n = Int(whole) else {
                return "'\(part)' in '\(clock)' is not a number of two digits at most: \(form)"
            }
            switch i {
            case 0 where n > 23:
                return "hour \(n) is past 23: after midnight write the next day's time with +1d, e.g. 01:30:00+1d"
            case 1 where n > 59: return "minute \(n) is past 59: minutes run 00 to 59"
            case 2 where n > 59: return "second \(n) is past 59: seconds run 00 to 59"
            default: continue
            }
        }
        return "'\(text)' is not a time of day: \(form)"
    }
}
