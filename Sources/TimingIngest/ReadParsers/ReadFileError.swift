#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read file that could not be opened or read, with the system's reason.
public struct ReadFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Operation: String, Sendable { case open, read }

    public var path: String
    public var operation: Operation
    public var errno: Int32

    public init(path: String, operation: Operation, errno: Int32) {
        self.path = path; self.operation = operation; self.errno = errno
    }

    public var reason: String { String(cString: strerror(errno)) }

    public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }
}
