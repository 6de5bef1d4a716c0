import ArgumentParser
import Foundation
import RaceModel
import RaceStore
import Snapshots
import ScreenGrid
import TimingIngest
import ResultsReport

/// Loads an event folder for a command, turning config errors into one clear
/// message and a non-zero exit.
struct LoadedEvent {
    var folder: EventFolder
    var log: ReadLog
    var missing: [String]

    /// `warn`: bad rows of the corrections journal and read files that do
    /// not exist go to stderr (`check` lists them itself).
    static func load(_ path: String, warn: Bool = true) async throws -> LoadedEvent {
        do {
            // The read files shared among the cores, beside the participant list: most of a big race's load.
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let (folder, log, missing) = try await ReadLogLoader.loadFolderInParallel(path, parts: cores)
            for problem in folder.correctionProblems where warn {
                FileHandle.standardError.write(Data("warning: \(problem)\n".utf8))
            }
            // Said here as `check` says it: a mat's file named in event.toml
            // and not there is a whole checkpoint's reads left out.
            for file in missing where warn {
                FileHandle.standardError.write(
                    Data("warning: read file \(TextWidth.sanitize(file)) does not exist: no reads from it\n".utf8))
            }
            return LoadedEvent(folder: folder, log: log, missing: missing)
        } catch let error as ConfigError {
            throw RacedashError(error.description)
        } catch {
            throw RacedashError("\(error)")
        }
    }

    /// `followsChanges`: the state will be asked again as its clock moves (replay);
    /// a command asking once (`results`, `check`, `awards`) skips what that needs.
    func state(followsChanges: Bool = false) -> RaceState {
        RaceState(folder: folder, log: log, followsChanges: followsChanges)
    }

    /// The index of a race named on the command line, if one is.
    func raceIndex(_ id: String?) throws -> Int? {
        guard let id else { return nil }
        guard let index = folder.event.raceIndex(id: id) else {
            throw RacedashError(
                "unknown race '\(id)'; races are \(folder.event.races.map(\.id).joined(separator: ", "))")
        }
        return index
    }
}

/// `HH:MM:SS[.fff]` options.
struct TimeOfDayArgument {
    var ms: Millis
    /// As typed; placed on a day of the event window once the event is known.
    var text: String

    /// The option's value, or an error that says what is wrong with it.
    static func parse(_ argument: String) throws -> TimeOfDayArgument {
        guard let ms = EventWindow(races: []).typed(argument) else {
            throw ValidationError(TimeOfDayProblem.describe(argument))
        }
        return TimeOfDayArgument(ms: ms, text: argument)
    }

    /// The time on the event's clock: after midnight in a night race is the next day.
    func placed(in event: EventConfig) -> Millis { event.window.typed(text) ?? ms }
}

extension Division: ExpressibleByArgument {}

extension Sex: ExpressibleByArgument {
    /// `f` as well as `F`: the case of a one-letter code carries nothing.
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}

/// A problem with the user's files or terminal, not the command line:
/// ArgumentParser prints it as one line ("Error: ...") without the usage
/// text, and exits non-zero.
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

/// A `--name S` option in seconds: above 0, as a duration.
func seconds(_ value: Double, option: String) throws -> Duration {
    guard value > 0, value.isFinite else {
        throw ValidationError("--\(option) must be a number of seconds above 0, not \(value)")
    }
    return .milliseconds(Int64((value * 1000).rounded()))
}

/// Runs `write`, a report going to standard output; a write that fails
/// (a full disk, a closed file) ends the command with its reason and a
/// non-zero exit, not a cut-off report and 0.
func writingOutput(_ write: () throws -> Void) throws {
    do { try write() } catch let error as OutputWriteError { throw RacedashError(error.description) }
}
