extension ReadLog {
    /// The log as a fresh read of the same lines under an edited
    /// configuration gives it, without the lines (a live log is not read
    /// again: a rotated file's earlier lines are gone from disk). Files the
    /// new configuration no longer names are dropped. Nil when neither the
    /// file table, a clock offset, the event date nor the event window
    /// changed.
    ///
    /// A clock offset was added when the line was read, so a corrected one
    /// moves the reads and gun markers of its files by the difference. An
    /// undated read's day was chosen by the window, so it is placed on a day
    /// again (`EventWindow.place` gives the same day for any whole number of
    /// days added). A read the change takes out of the window becomes a
    /// rejected line; its line's text is no longer held, so its chip code
    /// stands for it. A line rejected as outside the window is parsed again
    /// from its kept text by `reparse` and recorded anew.
    public func carried(
        from old: EventConfig, to new: EventConfig, files newFiles: [ReadFileInfo],
        reparse: (_ text: String, _ file: Int) -> ParsedLine
    ) -> ReadLog? {
        let target: [Int?] = files.map { file in newFiles.firstIndex { $0.path == file.path } }
        let oldOffsets = files.map { old.points[$0.pointIndex].clockOffset }
        let newOffsets = newFiles.map { new.points[$0.pointIndex].clockOffset }
        let offsetMoved = files.indices.contains { o in target[o].map { newOffsets[$0] != oldOffsets[o] } ?? false }
        guard newFiles != files || offsetMoved || old.window != new.window || old.date != new.date else { return nil }

        let placing = Placing(old: old, new: new, oldOffsets: oldOffsets, newOffsets: newOffsets)
        var rebuilt = ReadLog(files: newFiles)
        for (o, t) in target.enumerated() {
            guard let t else { continue }
            rebuilt.lineCounts[t] = lineCounts[o]
            rebuilt.ignoredCounts[t] = ignoredCounts[o]
            rebuilt.controlCounts[t] = controlCounts[o]
            rebuilt.otherEdgeCounts[t] = otherEdgeCounts[o]
        }
        rebuilt.reads.reserveCapacity(reads.count)
        for read in reads {
            let o = Int(read.ref.file)
            guard let f = target[o] else { continue }
            var moved = read
            moved.ref.file = Int32(f)
            moved.point = Int32(newFiles[f].pointIndex)
            moved.isBackup = newFiles[f].isBackup
            guard let time = placing.time(of: read.time, dated: read.isDated, from: o, to: f) else {
                rebuilt.problems.append(
                    LineProblem(
                        ref: moved.ref,
                        reason: .outsideEventWindow(placing.stamp(of: read.time, dated: read.isDated, from: o)),
                        text: read.code, after: rebuilt.lastReadTimes[f]))
                continue
            }
            moved.time = time
            rebuilt.reads.append(moved)
            rebuilt.lastReadTimes[f] = time
        }
        for marker in gunMarkers {
            let o = Int(marker.ref.file)
            guard let f = target[o] else { continue }
            var moved = marker
            moved.ref.file = Int32(f)
            guard let time = placing.time(of: marker.time, dated: marker.isDated, from: o, to: f) else {
                let stamp = placing.stamp(of: marker.time, dated: marker.isDated, from: o)
                rebuilt.problems.append(
                    LineProblem(
                        ref: moved.ref, reason: .outsideEventWindow("gun marker " + stamp), text: "gun marker",
                        after: rebuilt.lastReadTimes[f]))
                continue
            }
            moved.time = time
            rebuilt.gunMarkers.append(moved)
        }
        for problem in problems {
            let o = Int(problem.ref.file)
            guard let f = target[o] else { continue }
            var moved = problem
            moved.ref.file = Int32(f)
            moved.after = nil
            if case .outsideEventWindow(let stamp) = problem.reason,
                let again = Self.reRecorded(
                    moved, stamp: stamp, parsed: reparse(problem.text, f), files: newFiles, event: new,
                    offset: newOffsets[f])
            {
                rebuilt.reads += again.reads
                rebuilt.gunMarkers += again.gunMarkers
                rebuilt.problems += again.problems
            } else {
                rebuilt.problems.append(moved)
            }
        }
        rebuilt.timeProblemsAfterTheirFilesReads()
        return rebuilt
    }

    /// Each rejected line shown from the time of the read before it in its
    /// file, as recording the lines in order gives it: those reads moved.
    private mutating func timeProblemsAfterTheirFilesReads() {
        func order(_ ref: LineRef) -> Int { Int(ref.generation) << 32 | Int(ref.line) }
        var byFile = [[(order: Int, time: Millis)]](repeating: [], count: files.count)
        for read in reads { byFile[Int(read.ref.file)].append((order(read.ref), read.time)) }
        for f in byFile.indices { byFile[f].sort { $0.order < $1.order } }
        for i in problems.indices {
            let reads = byFile[Int(problems[i].ref.file)]
            let key = order(problems[i].ref)
            var (low, high) = (0, reads.count)
            while low < high {
                let mid = (low + high) / 2
                if reads[mid].order < key { low = mid + 1 } else { high = mid }
            }
            problems[i].after = low > 0 ? reads[low - 1].time : nil
        }
    }

    /// A line rejected as outside the window, recorded again under the new
    /// configuration; nil when its kept text no longer parses as it did
    /// (cut short for display), so the rejection stands as it was.
    private static func reRecorded(
        _ problem: LineProblem, stamp: String, parsed: ParsedLine, files: [ReadFileInfo], event: EventConfig,
        offset: Millis
    ) -> ReadLog? {
        var parsed = parsed
        switch parsed {
        case .read, .gunMarker: break
        case .reads(let batch):
            // The other reads of its line were kept or rejected on their own.
            parsed = .reads(batch.filter { Self.stamp($0) == stamp })
        case .control, .ignored, .malformed: return nil
        }
        var again = ReadLog(files: files)
        again.record(
            parsed, file: Int(problem.ref.file), line: Int(problem.ref.line), generation: Int(problem.ref.generation),
            eventDate: event.date, window: event.window, clockOffset: offset, text: problem.text)
        return again
    }
}

/// Times read under one configuration, placed as the other places them.
private struct Placing {
    let oldDate: CivilDate
    let newDate: CivilDate
    let window: EventWindow
    let oldOffsets: [Millis]
    let newOffsets: [Millis]

    init(old: EventConfig, new: EventConfig, oldOffsets: [Millis], newOffsets: [Millis]) {
        oldDate = old.date
        newDate = new.date
        window = new.window
        self.oldOffsets = oldOffsets
        self.newOffsets = newOffsets
    }

    /// Nil when the new window does not hold it.
    func time(of time: Millis, dated: Bool, from o: Int, to f: Int) -> Millis? {
        let read = time - oldOffsets[o]
        guard dated else { return window.place(timeOfDay: read + newOffsets[f]) }
        let placed = read + (oldDate.daysSinceEpoch - newDate.daysSinceEpoch) * EventWindow.day + newOffsets[f]
        return window.contains(placed) ? placed : nil
    }

    /// The date and time as the line gave them, as a rejection names them.
    func stamp(of time: Millis, dated: Bool, from o: Int) -> String {
        let read = time - oldOffsets[o]
        let days = read >= 0 ? read / EventWindow.day : -((-read + EventWindow.day - 1) / EventWindow.day)
        let date = dated ? CivilDate(daysSinceEpoch: oldDate.daysSinceEpoch + days) : nil
        return ReadLog.stamp(RawRead(code: "", date: date, timeOfDay: read - days * EventWindow.day, format: .manual))
    }
}
