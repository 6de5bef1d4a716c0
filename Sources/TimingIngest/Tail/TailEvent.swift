/// What a `FileTailer` reports. `file` is the index of the path in the list the
/// tailer was given, so it lines up with the event's read-file table.
public enum TailEvent: Sendable, Equatable {
    /// One complete line, without its end ("\n", "\r\n" or a lone "\r").
    /// `lineNumber` counts from 1 within the file's `generation`: 0 for the
    /// file first read, one more each time its content starts over
    /// (truncation, rotation, deletion and re-creation), so
    /// `(file, generation, lineNumber)` never repeats. An unterminated last
    /// line is held until its newline comes.
    case line(file: Int, lineNumber: Int, text: String, generation: Int = 0)
    /// A line that cannot be a read whatever it holds: longer than
    /// `ReadLimits.maxLineBytes`, or an unterminated tail whose content ended
    /// for good (truncation, rotation, deletion). `text` is its start only.
    case unusableLine(file: Int, lineNumber: Int, text: String, reason: String, generation: Int = 0)
    /// Sent once per file: everything the file held when tailing started has
    /// been delivered (sent at once for a file that is missing or unreadable).
    case caughtUp(file: Int)
    /// Something happened to the file itself.
    case notice(file: Int, TailNotice)
}

public enum TailNotice: Sendable, Equatable {
    /// Nothing at the path yet; tailing starts when a file appears.
    case waitingForFile
    /// A file appeared at a path that was missing or unreadable.
    case appeared
    /// The file shrank below what had been read (copy-truncate): reading
    /// restarts at its beginning. (A truncation that is rewritten past the old
    /// size before the tailer looks cannot be told from an append.)
    case truncated
    /// Another file took the path (the old one was renamed away): the new
    /// one is read from its beginning, and the old one on as long as its
    /// writer may append to it.
    case rotated
    /// The rotated-away file is no longer read: its writer closed it (it was
    /// read to its end), or it stayed quiet for the grace period and was given
    /// up (a later write to it is not read).
    case rotatedFileDone(writerClosed: Bool)
    /// The path exists but cannot be read; tailing resumes once it can.
    case unreadable(reason: String)
    /// The file was deleted; tailing resumes if one appears again.
    case deleted
}

/// How a `FileTailer` learns that a file changed.
public enum TailMode: Sendable, Equatable {
    /// inotify where it works; timed checks when inotify cannot be set up, and
    /// for files on network file systems (NFS, SMB, 9p, FUSE), where writes
    /// made by another machine raise no inotify events.
    case automatic
    /// inotify for every file (timed checks only where no watch can be placed,
    /// e.g. the folder does not exist yet, or when inotify itself fails).
    case inotify
    /// Check every file every `pollInterval`: stat, compare, read.
    case polling
}
