import ArgumentParser

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
}
