import ArgumentParser
import Foundation
import Glibc
import LiveIngest

@main
struct Racedash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "racedash",
        abstract: "Race-day dashboard for chip timing: live splits, leaderboards and checkpoint status.",
        subcommands: [
            ReplayCommand.self, LiveCommand.self, ResultsCommand.self, AwardsCommand.self, CheckCommand.self,
            SimulateCommand.self, DemoCommand.self, CaptureCommand.self,
        ]
    )

    /// As ArgumentParser's own, but a mistyped subcommand gets a suggestion
    /// rather than "Unexpected argument".
    static func main() async {
        MallocSettings.returnBigBlocksOnFree()
        MallocSettings.growHeapsInBigSteps()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        // `racedash help reslts` asks about a command too: printing the overview, exit 0, hid the typo.
        let word = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        if let word, let problem = SubcommandGuess.problem(word, commands: commands) {
            FileHandle.standardError.write(Data("Error: \(problem)\n".utf8))
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
