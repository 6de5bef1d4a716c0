#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// Reads every read file of an event into a `ReadLog`.
public enum ReadLogLoader {
    /// A read file that does not exist yet is not an error (a mat may not
    /// have written anything); it is reported in `missing`.
    public static func load(_ folder: EventFolder) throws -> (log: ReadLog, missing: [String]) {
        var log = ReadLog(files: folder.readFiles)
        var missing: [String] = []
        for (index, file) in folder.readFiles.enumerated() {
            let path = folder.absolutePath(of: file)
            let bytes: [UInt8]
            do {
                bytes = try ReadFileScanner.readFile(atPath: path)
            } catch let error as ReadFileError where error.errno == ENOENT {
                missing.append(file.path)
                continue
            }
            ingest(bytes, file: index, into: &log, event: folder.event)
        }
        return (log, missing)
    }

    /// Parses a whole file's bytes into the log.
    public static func ingest(_ bytes: [UInt8], file: Int, into log: inout ReadLog, event: EventConfig) {
        let offset = event.points[log.files[file].pointIndex].clockOffset
        let date = event.date
        let format = log.files[file].format
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { number, line in
                log.record(ReadLineParser.parse(line, as: format), file: file, line: number, eventDate: date,
                           clockOffset: offset, text: String(decoding: line, as: UTF8.self))
            }
        }
    }

    /// Parses one line (live tailing) into the log, in the file's pinned format if it has one.
    @discardableResult
    public static func ingest(line: String, number: Int, file: Int, into log: inout ReadLog, event: EventConfig) -> ParsedLine {
        let offset = event.points[log.files[file].pointIndex].clockOffset
        let parsed = ReadLineParser.parse(line, as: log.files[file].format)
        log.record(parsed, file: file, line: number, eventDate: event.date, clockOffset: offset, text: line)
        return parsed
    }
}
