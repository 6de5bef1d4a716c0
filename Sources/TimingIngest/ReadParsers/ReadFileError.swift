#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read file that could not be opened or read, with the system's reason,
/// or one refused because it is not a plain file.
public struct ReadFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Operation: String, Sendable { case open, read }

    public var path: String
    public var operation: Operation
    public var errno: Int32
    /// Why the file was refused without an error from the system.
    public var refusal: String?

    public init(path: String, operation: Operation, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    public init(path: String, refusal: String) {
        self.path = path
        operation = .read
        errno = 0
        self.refusal = refusal
    }

    public var reason: String { refusal ?? systemErrorText(errno) }

    public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }

    /// Why a file that is not a regular file is not read; nil for a regular
    /// file. A folder keeps the system's own "Is a directory".
    static func refusal(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "is a FIFO, not a regular file"
        case S_IFCHR, S_IFBLK: return "is a device, not a regular file"
        case S_IFSOCK: return "is a socket, not a regular file"
        default: return "is not a regular file"
        }
    }
}

/// The system's text for an errno value: the one wrapper over strerror.
public func systemErrorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
