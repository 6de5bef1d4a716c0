import ArgumentParser
import RaceModel
import RaceState
import ScreenGrid
import TimingIngest

/// Loads an event folder for a command, turning config errors into one clear
/// message and a non-zero exit.
struct LoadedEvent {
    var folder: EventFolder
    var log: ReadLog
    var missing: [String]

    static func load(_ path: String) throws -> LoadedEvent {
        do {
            let folder = try EventFolder.load(path)
            let (log, missing) = try ReadLogLoader.load(folder)
            return LoadedEvent(folder: folder, log: log, missing: missing)
        } catch let error as ConfigError {
            throw RacedashError(error.description)
        } catch {
            throw RacedashError("\(error)")
        }
    }

    func state() -> RaceState { RaceState(folder: folder, log: log) }
}

/// `HH:MM:SS[.fff]` options.
struct TimeOfDayArgument: ExpressibleByArgument {
    var ms: Millis
    init?(argument: String) {
        guard let ms = TimeFormat.parseClock(argument) else { return nil }
        self.ms = ms
    }
    static var defaultCompletionKind: CompletionKind { .default }
}

extension Division: ExpressibleByArgument {}
extension Sex: ExpressibleByArgument {}

/// A problem with the user's files: ArgumentParser prints it as one line
/// ("Error: ...") without the usage text, and exits non-zero.
/// It may quote the user's files, so it is sanitized for the terminal and
/// kept to one readable line.
struct RacedashError: Error, CustomStringConvertible {
    static let maxLength = 400
    var description: String
    init(_ description: String) {
        let clean = TextWidth.sanitize(description)
        self.description = clean.count > Self.maxLength ? String(clean.prefix(Self.maxLength)) + "…" : clean
    }
}
