import RaceModel

extension ReadLogLoader {
    /// What every line of one file is recorded with, and whether the file
    /// went past its line limit (lines past it are not read).
    ///
    /// A line of one plain read (nearly every line) is timed here and its
    /// read stored at once, in the part's `room` when there is one: going
    /// through the log's `record`, its counters and a staging array, had
    /// been a fifth of a big load's parsing. The lines so taken are counted
    /// into the log in one go (`finish`), and before any line the log
    /// records itself, which is placed after the last read.
    struct Lines {
        let file: Int
        let offset: Millis
        let date: CivilDate
        let window: EventWindow
        let format: ReadFormat?
        let limit: Int
        /// The file's point, backup flag and edge: what a read takes from it.
        let point: Int
        let isBackup: Bool
        let seen: SeenEdge
        var tooMany = false
        var room: PartRoom? = nil
        /// Lines whose read was stored here, not yet counted in the log, and the time of the last.
        private var stored = 0
        private var lastStored: Millis = 0

        init(file: Int, log: ReadLog, event: EventConfig) {
            let info = log.files[file]
            self.file = file
            offset = event.points[info.pointIndex].clockOffset
            date = event.date
            window = event.window
            format = info.format
            limit = event.linesPerFile
            point = info.pointIndex
            isBackup = info.isBackup
            seen = info.seen
        }

        mutating func record(_ line: UnsafeBufferPointer<UInt8>, number: Int, into log: inout ReadLog) {
            guard !tooMany else { return }
            guard number <= limit else {
                tooMany = true
                return
            }
            parse(line, number: number, into: &log)
        }

        /// Parses one line into the log (or its read into the room).
        mutating func parse(
            _ line: UnsafeBufferPointer<UInt8>, number: Int, generation: Int = 0, into log: inout ReadLog
        ) {
            var line = line
            if line.count <= ReadLimits.maxLineBytes {
                // Each unfinished line before the last is rejected on its own; the last is read as ever.
                var skipped = 0
                while let cut = CutLine.nextStart(in: line, format: format) {
                    finish(into: &log)
                    log.recordCutShort(
                        file: file, line: number, generation: generation,
                        reason: CutLine.reason(cutAt: skipped + cut),
                        text: ReadLimits.shown(UnsafeBufferPointer(rebasing: line[..<cut])))
                    line = UnsafeBufferPointer(rebasing: line[cut...])
                    skipped += cut
                }
            }
            let parsed =
                line.count > ReadLimits.maxLineBytes
                ? ParsedLine.malformed(reason: ReadLimits.tooLongReason(bytes: line.count))
                : ReadLineParser.parse(line, as: format)
            if case .read(let raw) = parsed,
                case .read(let read) = ReadLog.timing(
                    raw, ref: LineRef(file: file, line: number, generation: generation), point: point,
                    isBackup: isBackup, seen: seen, eventDate: date, window: window, clockOffset: offset)
            {
                stored += 1
                lastStored = read.time
                // Reads already waiting in the log go first: the room takes them in file order.
                if log.reads.isEmpty, room?.put(read) == true { return }
                log.reads.append(read)
                room?.take(&log.reads)
                return
            }
            finish(into: &log)
            log.record(
                parsed, file: file, line: number, generation: generation, eventDate: date, window: window,
                clockOffset: offset, text: ReadLimits.shown(line))
            room?.take(&log.reads)
        }

        /// Counts the lines whose read was stored here into the log.
        mutating func finish(into log: inout ReadLog) {
            guard stored > 0 else { return }
            log.countStoredReads(file: file, lines: stored, last: lastStored)
            stored = 0
        }
    }
}
