#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// Reads every read file of an event into a `ReadLog`.
public enum ReadLogLoader {
    /// A read file that does not exist yet is not an error (a mat may not
    /// have written anything); it is reported in `missing`. A file that is
    /// not a regular file, or holds more lines than `[limits] lines_per_file`,
    /// stops the load with a `ConfigError` naming it.
    public static func load(_ folder: EventFolder) throws -> (log: ReadLog, missing: [String]) {
        try parse(folder, files: folder.readFiles.indices)
    }

    /// The files in `files` parsed into a log of the whole folder's file table,
    /// with room made for their reads.
    static func parse(_ folder: EventFolder, files: Range<Int>) throws -> (
        log: ReadLog, missing: [String]
    ) {
        var room: PartRoom? = nil
        return try parse(folder, files: files, room: &room)
    }

    /// The same, with the reads moved into `room` as they are parsed (the
    /// log keeps those that did not fit).
    static func parse(_ folder: EventFolder, files: Range<Int>, room: inout PartRoom?) throws -> (
        log: ReadLog, missing: [String]
    ) {
        var log = ReadLog(files: folder.readFiles)
        var missing: [String] = []
        if room == nil { log.reads.reserveHugeCapacity(readCapacity(folder, files: files)) }
        for index in files {
            let file = folder.readFiles[index]
            let path = folder.absolutePath(of: file)
            do {
                try ingest(fileAt: path, file: index, into: &log, event: folder.event, room: &room)
            } catch let error as ReadFileError where error.errno == ENOENT {
                missing.append(file.path)
            } catch let error as ReadFileError {
                throw ConfigError(file: path, "cannot be read: \(error.reason)")
            }
        }
        room?.take(&log.reads)
        return (log, missing)
    }

    /// Room for every read the folder's files can hold: one allocation instead
    /// of a doubling copy of a growing array (no read line is shorter than 16
    /// bytes; pages never written cost no memory).
    public static func readCapacity(_ folder: EventFolder) -> Int {
        readCapacity(folder, files: folder.readFiles.indices)
    }

    static func readCapacity(_ folder: EventFolder, files: Range<Int>) -> Int {
        files.reduce(0) { $0 + fileSize(folder.absolutePath(of: folder.readFiles[$1])) } / 16
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
    }

    /// Parses a whole file's bytes into the log.
    public static func ingest(
        _ bytes: [UInt8], file: Int, into log: inout ReadLog, event: EventConfig,
        path: String
    ) throws(ConfigError) {
        var lines = Lines(file: file, log: log, event: event)
        bytes.withUnsafeBytes { raw in
            // Windows timing software may start a file with a byte order mark.
            let body = raw.starts(with: ReadLimits.byteOrderMark) ? UnsafeRawBufferPointer(rebasing: raw[3...]) : raw
            ReadFileScanner.forEachLine(in: body) { number, line in lines.record(line, number: number, into: &log) }
        }
        lines.finish(into: &log)
        if lines.tooMany { throw ConfigError(file: path, ReadLimits.tooManyLinesReason(limit: lines.limit)) }
    }

    /// Parses the file at `path` into the log, read a block at a time (with
    /// a `room`, its reads moved there as they are parsed).
    static func ingest(
        fileAt path: String, file: Int, into log: inout ReadLog, event: EventConfig, room: inout PartRoom?
    ) throws {
        var lines = Lines(file: file, log: log, event: event)
        lines.room = room
        // What was moved into the room counts even when the file fails half way.
        defer {
            lines.finish(into: &log)
            room = lines.room
        }
        try ReadFileScanner.forEachLine(ofFileAt: path) { number, line in
            lines.record(line, number: number, into: &log)
        }
        if lines.tooMany { throw ConfigError(file: path, ReadLimits.tooManyLinesReason(limit: lines.limit)) }
    }

    /// Parses one line (live tailing) into the log, in the file's pinned format if it has one.
    public static func ingest(
        line: String, number: Int, generation: Int = 0, file: Int, into log: inout ReadLog,
        event: EventConfig
    ) {
        var lines = Lines(file: file, log: log, event: event)
        var text = line
        text.withUTF8 { lines.parse($0, number: number, generation: generation, into: &log) }
        lines.finish(into: &log)
    }

    /// Files a line that was never whole or readable (too long, cut by a
    /// truncation) as rejected, with the reason the tailer gave.
    public static func ingest(
        unusable text: String, reason: String, number: Int, generation: Int = 0, file: Int,
        into log: inout ReadLog, event: EventConfig
    ) {
        // A rejected line has no time: the date and offset go unused.
        log.record(
            .malformed(reason: reason), file: file, line: number, generation: generation, eventDate: event.date,
            clockOffset: 0, text: ReadLimits.shown(text))
    }
}
