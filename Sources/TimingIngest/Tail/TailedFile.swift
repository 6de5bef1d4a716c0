#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One followed path: what is open, how far it has been read, and what was
/// last reported about it. Confined to the tailing thread.
final class TailedFile {
    let index: Int
    let path: String
    /// The open file, or -1.
    private(set) var descriptor: Int32 = -1
    /// The file rotated away from the path, still read while its writer may append.
    private(set) var rotated: RotatedFile?
    private let rotatedGrace: Duration
    private let clock = ContinuousClock()

    private var identity: FileIdentity?
    private var offset = 0
    private var splitter = LineSplitter()
    /// The content being read, and its next line: a truncated, rotated or
    /// re-created file starts a new generation and counts its lines from 1.
    private var generation = 0
    private var nextLineNumber = 1
    private var presence = Presence.unknown
    private var sentCaughtUp = false
    /// Where reading stood when the open file failed to read: if the same file
    /// opens again, reading resumes there rather than repeating its lines.
    private var suspended: (identity: FileIdentity, offset: Int, splitter: LineSplitter)?

    private enum Presence: Equatable {
        /// Not looked at yet: a file found here is the normal case, no notice.
        case unknown
        case missing
        case open
        /// The previous file was rotated away; its successor needs no notice.
        case replaced
        case unreadable(String)
    }

    init(index: Int, path: String, rotatedGrace: Duration) {
        self.index = index
        self.path = path
        self.rotatedGrace = rotatedGrace
    }

    deinit {
        if descriptor >= 0 { SystemFile.release(descriptor) }
        if let rotated { SystemFile.release(rotated.descriptor) }
    }

    /// When the rotated file is due to be given up, if there is one.
    var rotatedDeadline: ContinuousClock.Instant? { rotated?.deadline(grace: rotatedGrace) }

    /// inotify saw a writer close the rotated file.
    func rotatedWriterClosed() {
        rotated?.writerClosed = true
    }

    var isUnreadable: Bool {
        if case .unreadable = presence { return true }
        return false
    }

    /// Delivers whatever is new at the path. Returns false once the consumer
    /// is gone.
    func sync(_ out: TailOutput) -> Bool {
        if rotated != nil {
            guard drainRotated(out) else { return false }
        }
        if descriptor >= 0 {
            guard follow(out) else { return false }
        }
        if descriptor < 0 {
            guard openPath(out) else { return false }
        }
        if !sentCaughtUp {
            sentCaughtUp = true
            out.emit(.caughtUp(file: index))
        }
        return out.flush()
    }

    /// Closes everything: the tailer is stopping.
    func close() {
        if let rotated {
            SystemFile.release(rotated.descriptor)
            self.rotated = nil
        }
        closeFollowed()
    }

    /// Closes the file at the path; a rotated one is still read on.
    private func closeFollowed() {
        guard descriptor >= 0 else { return }
        SystemFile.release(descriptor)
        descriptor = -1
    }

    private func follow(_ out: TailOutput) -> Bool {
        // The path is looked at before the open file is read: whatever was
        // written to the old file up to a rotation is then read before the
        // switch, so no line of it is lost.
        let atPath = SystemFile.status(ofPath: path)
        guard drain(out) else { return false }
        guard descriptor >= 0 else { return true }
        switch atPath {
        case .present(let info) where FileIdentity(info) == identity:
            return true
        case .failed:
            // Cannot tell what is at the path: keep following what is open.
            return true
        case .missing:
            // Renamed away (still linked) or deleted: a renamed file may still
            // be written by a writer that has not reopened yet, so keep it.
            guard isUnlinked() else { return true }
            endContent(out, because: "the file was deleted")
            closeFollowed()
            out.emit(.notice(file: index, .deleted))
            presence = .missing
        case .present where isUnlinked():
            endContent(out, because: "the file was deleted")
            closeFollowed()
            out.emit(.notice(file: index, .deleted))
            presence = .missing
        case .present:
            // Rotated away: its writer may still append to it, so it is kept
            // open and read on beside the new file.
            if rotated != nil { finishRotated(out, .rotatedFileDone(writerClosed: false)) }
            rotated = RotatedFile(
                descriptor: descriptor, offset: offset, splitter: splitter, lastGrowth: clock.now,
                generation: generation, nextLineNumber: nextLineNumber)
            descriptor = -1
            splitter = LineSplitter()
            out.emit(.notice(file: index, .rotated))
            presence = .replaced
        }
        return true
    }

    /// Reads what the rotated file's writer appended; gives the file up once
    /// the writer closed it, or it stayed quiet for the grace period, or it
    /// cannot be read.
    private func drainRotated(_ out: TailOutput) -> Bool {
        guard var file = rotated else { return true }
        let closedBefore = file.writerClosed
        var number = file.nextLineNumber
        let (index, generation) = (index, file.generation)
        let result = AppendedBytes.read(file.descriptor, offset: &file.offset, splitter: &file.splitter, out) {
            Self.emit($0, file: index, generation: generation, number: &number, out)
        }
        file.nextLineNumber = number
        guard let result else { return false }
        switch result {
        case .success(let count):
            if count > 0 { file.lastGrowth = clock.now }
            rotated = file
            if closedBefore {
                finishRotated(out, .rotatedFileDone(writerClosed: true))
            } else if clock.now >= file.deadline(grace: rotatedGrace) {
                finishRotated(out, .rotatedFileDone(writerClosed: false))
            }
        case .failure:
            rotated = file
            finishRotated(out, .rotatedFileDone(writerClosed: false))
        }
        return true
    }

    private func finishRotated(_ out: TailOutput, _ notice: TailNotice) {
        guard var file = rotated else { return }
        let reason =
            notice == .rotatedFileDone(writerClosed: true)
            ? "unfinished line: the rotated file's writer closed it before its newline"
            : "unfinished line: the rotated file was given up before its newline"
        var number = file.nextLineNumber
        let (index, generation) = (index, file.generation)
        file.splitter.flush(reason: reason) { Self.emit($0, file: index, generation: generation, number: &number, out) }
        SystemFile.release(file.descriptor)
        rotated = nil
        out.emit(.notice(file: index, notice))
    }

    private func isUnlinked() -> Bool {
        (SystemFile.status(ofDescriptor: descriptor)?.st_nlink ?? 0) == 0
    }

    private func openPath(_ out: TailOutput) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                becomeMissing(out)
            } else {
                becomeUnreadable(systemErrorText(code), out)
            }
            return true
        }
        guard let info = SystemFile.status(ofDescriptor: fd) else {
            let reason = systemErrorText(errno)
            SystemFile.release(fd)
            becomeUnreadable(reason, out)
            return true
        }
        guard SystemFile.isRegularFile(info) else {
            SystemFile.release(fd)
            becomeUnreadable(SystemFile.isDirectory(info) ? "is a folder" : "is not a regular file", out)
            return true
        }
        let opened = FileIdentity(info)
        if let suspended, suspended.identity == opened, Int(info.st_size) >= suspended.offset {
            offset = suspended.offset
            splitter = suspended.splitter
        } else {
            if identity != nil { startGeneration() }
            offset = 0
            splitter.restart()
        }
        suspended = nil
        switch presence {
        case .missing, .unreadable: out.emit(.notice(file: index, .appeared))
        case .unknown, .open, .replaced: break
        }
        presence = .open
        descriptor = fd
        identity = opened
        return drain(out)
    }

    /// Reads from `offset` to the end of the open file, in big chunks.
    private func drain(_ out: TailOutput) -> Bool {
        guard let info = SystemFile.status(ofDescriptor: descriptor) else {
            suspend(reason: systemErrorText(errno), out)
            return true
        }
        if Int(info.st_size) < offset {
            // Copy-truncate keeps the file and empties it; what follows is new.
            endContent(out, because: "the file was truncated")
            out.emit(.notice(file: index, .truncated))
            offset = 0
            startGeneration()
        }
        switch AppendedBytes.read(descriptor, offset: &offset, splitter: &splitter, out, { emit($0, out) }) {
        case nil: return false
        case .success?: return true
        case .failure(let error)?:
            suspend(reason: error.reason, out)
            return true
        }
    }

    /// The content read so far has ended for good: an unterminated last line
    /// will never get its newline, so it is reported as unusable, not as a line.
    private func endContent(_ out: TailOutput, because reason: String) {
        splitter.flush(reason: "unfinished line: \(reason) before its newline") { emit($0, out) }
        splitter.restart()
    }

    private func startGeneration() {
        generation += 1
        nextLineNumber = 1
    }

    private func emit(_ piece: LineSplitter.Piece, _ out: TailOutput) {
        Self.emit(piece, file: index, generation: generation, number: &nextLineNumber, out)
    }

    private static func emit(
        _ piece: LineSplitter.Piece, file: Int, generation: Int, number: inout Int, _ out: TailOutput
    ) {
        switch piece {
        case .line(let text):
            out.emit(.line(file: file, lineNumber: number, text: text, generation: generation))
        case .unusable(let text, let reason):
            out.emit(.unusableLine(file: file, lineNumber: number, text: text, reason: reason, generation: generation))
        }
        number += 1
    }

    private func suspend(reason: String, _ out: TailOutput) {
        if let identity { suspended = (identity, offset, splitter) }
        closeFollowed()
        becomeUnreadable(reason, out)
    }

    private func becomeMissing(_ out: TailOutput) {
        suspended = nil
        if presence != .missing {
            out.emit(.notice(file: index, .waitingForFile))
        }
        presence = .missing
    }

    private func becomeUnreadable(_ reason: String, _ out: TailOutput) {
        if presence != .unreadable(reason) {
            out.emit(.notice(file: index, .unreadable(reason: reason)))
        }
        presence = .unreadable(reason)
    }
}
