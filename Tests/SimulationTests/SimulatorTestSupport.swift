import RaceModel
@testable import Simulation

/// Generated once and shared: the sample event as `racedash simulate` writes it.
let sample = RaceSimulator.simulate(SimulationOptions())

/// What a read line says, as far as these tests need to know.
enum TestLine: Equatable {
    case read(code: String, time: Millis)
    case gun(Millis)
    case unreadable
}

/// A small, strict reader of the four formats the simulator writes, kept apart
/// from TimingIngest so the simulator is checked against the notes, not against
/// another implementation.
func parseLine(_ text: String, _ format: ReadFormat) -> TestLine {
    switch format {
    case .ipico:
        let b = Array(text.utf8)
        guard b.count == 36 || b.count == 42, b[0] == UInt8(ascii: "a"), b[1] == UInt8(ascii: "a"),
            let h = Int(String(decoding: b[26..<28], as: UTF8.self)),
            let m = Int(String(decoding: b[28..<30], as: UTF8.self)),
            let s = Int(String(decoding: b[30..<32], as: UTF8.self)),
            let cc = Int(String(decoding: b[32..<34], as: UTF8.self), radix: 16)
        else { return .unreadable }
        return .read(code: String(decoding: b[4..<16], as: UTF8.self), time: ((h * 60 + m) * 60 + s) * 1000 + cc * 10)
    case .ctp01:
        let fields = text.split(separator: text.contains("~") ? "~" : ",", omittingEmptySubsequences: false)
        guard fields.count == 8, fields[0].hasPrefix("CT01_"), Int(fields[1]) != nil,
            let time = TimeFormat.parseClock(fields[4])
        else { return .unreadable }
        return fields[3] == "guntime" ? .gun(time) : .read(code: String(fields[3]), time: time)
    case .raceResult:
        let body = text.hasPrefix("#P;") ? text.dropFirst(3) : Substring(text)
        let fields = body.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 20, Int(fields[0]) != nil, fields[2].count == 10,
            let time = TimeFormat.parseClock(fields[3])
        else { return .unreadable }
        return .read(code: String(fields[1]), time: time)
    case .manual:
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 2, let time = TimeFormat.parseClock(fields[1]) else { return .unreadable }
        return .read(code: String(fields[0]), time: time)
    case .chronotrackController:
        // TO~seq~tag~160~type~epoch.hh~reader~antenna~RSSI~count~P[~n]; the epoch is local wall-clock time.
        let fields = text.split(separator: "~", omittingEmptySubsequences: false)
        guard fields.count == 11 || fields.count == 12, fields[0] == "TO", Int(fields[1]) != nil,
            let epoch = Double(fields[5])
        else { return .unreadable }
        let centis = Int((epoch * 100).rounded())
        return .read(code: String(fields[2]), time: (centis % 8_640_000) * 10)
    case .mylaps:
        // <chip>HH:MM:SS.mmm device reader <count><passing hex 4><YYMMDD><check 2>
        guard let colon = text.firstIndex(of: ":") else { return .unreadable }
        let timeStart = text.index(colon, offsetBy: -2)
        let timeEnd = text.index(timeStart, offsetBy: 12)
        guard let time = TimeFormat.parseClock(text[timeStart..<timeEnd]),
            text.split(separator: " ").last?.count ?? 0 >= 13
        else { return .unreadable }
        return .read(code: String(text[..<timeStart]), time: time)
    case .rfidTiming, .wiclax:
        return .unreadable
    }
}

/// The IPICO checksum rule from the notes, written out independently.
func ipicoChecksumIsValid(_ line: String) -> Bool {
    let b = Array(line.utf8)
    guard b.count == 36 || b.count == 42 else { return false }
    let sum = b[2..<(b.count - 2)].reduce(0) { $0 + Int($1) } % 256
    let hex = String(sum, radix: 16)
    return String(decoding: b[(b.count - 2)...], as: UTF8.self) == (hex.count == 1 ? "0" + hex : hex)
}

struct ReadOnLine {
    var code: String
    var time: Millis
    var file: SimulatedReadFile
    var line: Int
}

func isGarbage(_ event: SimulatedEvent, _ path: String, _ line: Int) -> Bool {
    event.truth.garbageLines.contains { $0.path == path && $0.line == line }
}

/// Every runner read in the event, garbage and gun markers left out.
func allReads(_ event: SimulatedEvent) -> [ReadOnLine] {
    var out: [ReadOnLine] = []
    for file in event.readFiles {
        for (n, line) in file.lines.enumerated() where !isGarbage(event, file.path, n + 1) {
            if case .read(let code, let time) = parseLine(line.text, file.format) {
                out.append(ReadOnLine(code: code, time: time, file: file, line: n + 1))
            }
        }
    }
    return out
}

/// Participant index by the code their reads carry (chip, or bib when chipless).
func participantsByCode(_ event: SimulatedEvent) -> [String: Int] {
    var map: [String: Int] = [:]
    for (i, p) in event.participants.enumerated() {
        map[p.chip ?? p.bib] = i
        if p.chip != nil { map[p.bib] = i }  // hand timing writes bibs
    }
    return map
}
