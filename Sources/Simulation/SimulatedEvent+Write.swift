import Foundation

/// Writing an event folder failed: which path, and why.
public struct SimulationWriteError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }
}

extension SimulatedEvent {
    /// Writes `event.toml`, `participants.csv` and every read file (whole,
    /// each line ending in a newline) under `directory`, creating folders as
    /// needed. Existing files of the same names are replaced; others are left alone.
    public func write(to directory: String) throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try makeDirectory(root)
        try writeFile(eventToml, to: root.appendingPathComponent("event.toml"))
        try writeFile(participantsCSV, to: root.appendingPathComponent("participants.csv"))
        for file in readFiles {
            let url = root.appendingPathComponent(file.path)
            try makeDirectory(url.deletingLastPathComponent())
            var text = ""
            text.reserveCapacity(file.lines.count * 48)
            for line in file.lines {
                text += line.text
                text += "\n"
            }
            try writeFile(text, to: url)
        }
    }

    func makeDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SimulationWriteError(path: url.path, reason: "exists and is not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SimulationWriteError(path: url.path, reason: "cannot create folder (\(error.localizedDescription))")
        }
    }

    func writeFile(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw SimulationWriteError(path: url.path, reason: error.localizedDescription)
        }
    }
}
