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
    /// days added). A read the edit takes out of the window becomes a
    /// rejected line; its line's text is no longer held, so its chip code
    /// stands for it, and the read is parked in it to come back when an edit
    /// brings it into the window again. A line rejected as outside the
    /// window when it was read is parsed again from its kept text by
    /// `reparse` and recorded anew.
    public func carried(
        from old: EventConfig, to new: EventConfig, files newFiles: [ReadFileInfo],
        reparse: (_ text: String, _ file: Int) -> ParsedLine
    ) -> ReadLog? {
        let target: [Int?] = files.map { file in newFiles.firstIndex { $0.path == file.path } }
        let oldOffsets = files.map { old.points[$0.pointIndex].clockOffset }
        let newOffsets = newFiles.map { new.points[$0.pointIndex].clockOffset }
        let offsetMoved = files.indices.contains { o in target[o].map { newOffsets[$0] != oldOffsets[o] } ?? false }
        guard newFiles != files || offsetMoved || old.window != new.window || old.date != new.date else { return nil }

        let read = LineTimes(date: old.date, offsets: oldOffsets)
        let place = Placing(date: new.date, window: new.window, offsets: newOffsets)
        var rebuilt = ReadLog(files: newFiles)
        for (o, t) in target.enumerated() {
            guard let t else { continue }
            rebuilt.lineCounts[t] = lineCounts[o]
            rebuilt.ignoredCounts[t] = ignoredCounts[o]
            rebuilt.controlCounts[t] = controlCounts[o]
            rebuilt.otherEdgeCounts[t] = otherEdgeCounts[o]
        }
        rebuilt.reads.reserveCapacity(reads.count)
        for timed in reads {
            let o = Int(timed.ref.file)
            guard let f = target[o] else { continue }
            var moved = timed.onFile(f, of: newFiles)
            moved.time = read.lineTime(of: timed.time, dated: timed.isDated, file: o)
            rebuilt.add(moved, placedBy: place)
        }
        for marker in gunMarkers {
            let o = Int(marker.ref.file)
            guard let f = target[o] else { continue }
            var moved = marker
            moved.ref.file = Int32(f)
            moved.time = read.lineTime(of: marker.time, dated: marker.isDated, file: o)
            rebuilt.add(moved, placedBy: place)
        }
        for problem in problems {
            let o = Int(problem.ref.file)
            guard let f = target[o] else { continue }
            switch problem.parked {
            case .read(let parked):
                rebuilt.add(parked.onFile(f, of: newFiles), placedBy: place)
                continue
            case .gunMarker(var parked):
                parked.ref.file = Int32(f)
                rebuilt.add(parked, placedBy: place)
                continue
            case nil: break
            }
            var moved = problem
            moved.ref.file = Int32(f)
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

    /// `read`, its time as its line gave it, placed by the new configuration,
    /// or parked in a rejected line when the window does not hold it.
    private mutating func add(_ read: TimedRead, placedBy place: Placing) {
        let f = Int(read.ref.file)
        guard let time = place.time(of: read.time, dated: read.isDated, file: f) else {
            problems.append(
                LineProblem(
                    ref: read.ref, reason: .outsideEventWindow(Self.stamp(lineTime: read.time, dated: read.isDated)),
                    text: read.code, parked: .read(read)))
            return
        }
        var placed = read
        placed.time = time
        reads.append(placed)
    }

    private mutating func add(_ marker: GunMarker, placedBy place: Placing) {
        guard let time = place.time(of: marker.time, dated: marker.isDated, file: Int(marker.ref.file)) else {
            let stamp = Self.stamp(lineTime: marker.time, dated: marker.isDated)
            problems.append(
                LineProblem(
                    ref: marker.ref, reason: .outsideEventWindow("gun marker " + stamp), text: "gun marker",
                    parked: .gunMarker(marker)))
            return
        }
        var placed = marker
        placed.time = time
        gunMarkers.append(placed)
    }

    /// The date and time as the line gave them, as a rejection names them.
    static func stamp(lineTime: Millis, dated: Bool) -> String {
        let (days, timeOfDay) = TimeFormat.daysAndTimeOfDay(lineTime)
        return stamp(
            RawRead(
                code: "", date: dated ? CivilDate(daysSinceEpoch: days) : nil, timeOfDay: timeOfDay, format: .manual))
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

    /// Each rejected line shown from the time of the read before it in its
    /// file, as recording the lines in order gives it: those reads moved.
    /// The latest read of each file likewise, for the lines still to come.
    private mutating func timeProblemsAfterTheirFilesReads() {
        func order(_ ref: LineRef) -> Int { Int(ref.generation) << 32 | Int(ref.line) }
        var byFile = [[(order: Int, time: Millis)]](repeating: [], count: files.count)
        for read in reads { byFile[Int(read.ref.file)].append((order(read.ref), read.time)) }
        for f in byFile.indices { byFile[f].sort { $0.order < $1.order } }
        let orders = byFile.map { $0.map(\.order) }
        for f in byFile.indices { lastReadTimes[f] = byFile[f].last?.time }
        for i in problems.indices {
            let f = Int(problems[i].ref.file)
            let before = orders[f].lowerBound(order(problems[i].ref))
            problems[i].after = before > 0 ? byFile[f][before - 1].time : nil
        }
    }
}

extension TimedRead {
    /// The read as a line of file `f` of `files` gives it.
    fileprivate func onFile(_ f: Int, of files: [ReadFileInfo]) -> TimedRead {
        var moved = self
        moved.ref.file = Int32(f)
        moved.point = Int32(files[f].pointIndex)
        moved.isBackup = files[f].isBackup
        return moved
    }
}

/// Times on the event clock back to the times their lines gave (see
/// `LineProblem.Parked`), under the configuration they were read with.
private struct LineTimes {
    let date: CivilDate
    let offsets: [Millis]

    func lineTime(of time: Millis, dated: Bool, file: Int) -> Millis {
        let line = time - offsets[file]
        return dated ? line + date.daysSinceEpoch * EventWindow.day : line
    }
}

/// Times as their lines gave them, placed as a fresh read under a configuration places them.
private struct Placing {
    let date: CivilDate
    let window: EventWindow
    let offsets: [Millis]

    /// Nil when the window does not hold it.
    func time(of lineTime: Millis, dated: Bool, file: Int) -> Millis? {
        guard dated else { return window.place(timeOfDay: lineTime + offsets[file]) }
        let time = lineTime - date.daysSinceEpoch * EventWindow.day + offsets[file]
        return window.contains(time) ? time : nil
    }
}
