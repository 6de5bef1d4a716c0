import TestSupport
import Testing

/// The built `racedash`, run to completion with `arguments` (standard output to `stdoutPath` if given).
func racedash(_ arguments: [String], stdoutPath: String? = nil) async throws -> Subprocess.Result {
    let binary = try #require(SampleFeed.racedashBinary(), "racedash was not built next to the tests")
    return try await Subprocess.run(binary, arguments, stdoutPath: stdoutPath)
}
