// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see docs/architecture.md):
//   (CPrefetch, a prefetch hint) <- RaceModel <- TimingIngest <- RaceStore <- LiveIngest
//   RaceModel <- Snapshots <- RaceStore, ResultsReport, Dashboard
//   ScreenGrid <- Dashboard, TerminalBackend (ncurses via CNCurses) <- DashboardApp
//   RaceModel, TimingIngest, SwiftNIO <- DecoderLink <- racedash, racedash-bench
// The renderer (Dashboard) sees pure modules only: RaceModel, Snapshots, ScreenGrid.
// Linux only: tailing uses inotify and /proc, the terminal layer Glibc.
let package = Package(
    name: "racedash",
    products: [
        .executable(name: "racedash", targets: ["racedash"]),
        .executable(name: "racedash-bench", targets: ["racedash-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Pure, value-typed domain: event configuration, participants, reads and the timing rules.
        .target(name: "RaceModel", dependencies: ["CPrefetch"]),
        // A CPU hint Swift lacks: fetching a table's slot before it is read.
        .systemLibrary(name: "CPrefetch"),
        // Read-line parsers, event-folder loading and file tailing.
        .target(
            name: "TimingIngest",
            dependencies: [
                "RaceModel",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        // Pure: what the race looked like at one time (standings, statistics, alerts).
        .target(name: "Snapshots", dependencies: ["RaceModel"]),
        // The race state actor: single source of truth, hands out snapshots.
        .target(name: "RaceStore", dependencies: ["RaceModel", "TimingIngest", "Snapshots"]),
        // Headless output: results table, CSV, JSON, check report, live lines.
        .target(name: "ResultsReport", dependencies: ["RaceModel", "Snapshots", "ScreenGrid"]),
        // Race day: tails every read file into the race state, follows config edits, headless live loop.
        .target(
            name: "LiveIngest",
            dependencies: ["RaceModel", "TimingIngest", "Snapshots", "RaceStore", "ResultsReport", "ScreenGrid"]),
        // In-memory grid of styled cells, display width of text, and the terminal protocol.
        .target(name: "ScreenGrid"),
        // Pure presentation: snapshot + UI state -> frame.
        .target(name: "Dashboard", dependencies: ["RaceModel", "Snapshots", "ScreenGrid"]),
        // No pkgConfig: SwiftPM would drop its feature flags with a warning; shim.h sets what is needed.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // The only code that talks to curses: draws a frame, reads keys.
        .target(name: "TerminalBackend", dependencies: ["CNCurses", "ScreenGrid"]),
        // The interactive loop: replay clock, snapshot fetching, keys to commands, drawing on one thread.
        .target(
            name: "DashboardApp",
            dependencies: [
                "RaceModel", "Snapshots", "RaceStore", "Dashboard", "TerminalBackend", "ScreenGrid", "LiveIngest",
                "TimingIngest",
            ]),
        // Race day over the network: decoder connections appending every passing to its read file first, and emulators.
        .target(
            name: "DecoderLink",
            dependencies: [
                "RaceModel", "TimingIngest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        // Writes a deterministic synthetic race as an event folder.
        .target(name: "Simulation", dependencies: ["RaceModel"]),
        .executableTarget(
            name: "racedash",
            dependencies: [
                "RaceModel", "TimingIngest", "Snapshots", "RaceStore", "LiveIngest", "ResultsReport", "Dashboard",
                "DashboardApp", "Simulation", "DecoderLink",
                "ScreenGrid",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "racedash-bench",
            dependencies: [
                "RaceModel", "TimingIngest", "Snapshots", "RaceStore", "LiveIngest", "ResultsReport", "Dashboard",
                "DashboardApp", "Simulation", "ScreenGrid",
                "DecoderLink", .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        // Shared by the test targets: temporary event folders, the sample feed, waiting on events, a manual clock,
        // a terminal in memory.
        .target(
            name: "TestSupport",
            dependencies: ["RaceModel", "TimingIngest", "Snapshots", "RaceStore", "LiveIngest", "ScreenGrid"],
            path: "Tests/TestSupport", exclude: ["Expected"]),
        .testTarget(name: "RaceModelTests", dependencies: ["RaceModel", "Simulation"]),
        // Fixtures/real-reads: real decoder output, kept byte for byte and read from disk by the tests.
        .testTarget(
            name: "TimingIngestTests", dependencies: ["TimingIngest", "RaceModel", "Simulation", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "RaceStoreTests",
            dependencies: ["RaceStore", "Snapshots", "TimingIngest", "RaceModel", "Simulation", "TestSupport"]),
        .testTarget(
            name: "LiveIngestTests",
            dependencies: ["LiveIngest", "RaceStore", "Snapshots", "TimingIngest", "RaceModel", "TestSupport"]),
        .testTarget(
            name: "ResultsReportTests",
            dependencies: ["ResultsReport", "Snapshots", "RaceStore", "TimingIngest", "RaceModel", "TestSupport"]),
        .testTarget(
            name: "DecoderLinkTests",
            dependencies: [
                "DecoderLink", "TimingIngest", "RaceModel", "RaceStore", "ResultsReport", "Simulation", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(name: "ScreenGridTests", dependencies: ["ScreenGrid"]),
        .testTarget(
            name: "DashboardTests",
            dependencies: [
                "Dashboard", "Snapshots", "RaceStore", "TimingIngest", "RaceModel", "ScreenGrid", "TestSupport",
            ],
            exclude: ["Goldens"]),
        .testTarget(
            name: "SimulationTests",
            dependencies: [
                "Simulation", "TimingIngest", "RaceStore", "LiveIngest", "Snapshots", "RaceModel", "TestSupport",
            ]),
        // The dashboard loop in-process on a test terminal, and the built racedash binary in a private tmux server.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "racedash", "DashboardApp", "Dashboard", "Snapshots", "RaceStore", "TimingIngest", "ResultsReport",
                "LiveIngest",
                "RaceModel", "ScreenGrid",
                "TestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
