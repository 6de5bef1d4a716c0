// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way:
//   RaceModel  <-  TimingIngest  <-  RaceState  <-  Dashboard  <-  DashboardApp  <-  racedash
//   ScreenGrid <-  Dashboard, TerminalBackend (ncurses via CNCurses)  <-  DashboardApp
let package = Package(
    name: "racedash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "racedash", targets: ["racedash"]),
        .executable(name: "racedash-bench", targets: ["racedash-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // Pure, value-typed domain: event configuration, participants, reads and the timing rules.
        .target(name: "RaceModel"),
        // Read-line parsers, event-folder loading and file tailing.
        .target(name: "TimingIngest", dependencies: [
            "RaceModel",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The race state actor: single source of truth, hands out snapshots.
        .target(name: "RaceState", dependencies: ["RaceModel", "TimingIngest"]),
        // Headless output of standings and checks: table, CSV, JSON.
        .target(name: "ResultsReport", dependencies: ["RaceModel", "RaceState", "ScreenGrid"]),
        // In-memory grid of styled cells, and display width of text.
        .target(name: "ScreenGrid"),
        // Pure presentation: snapshot + UI state -> frame.
        .target(name: "Dashboard", dependencies: ["RaceModel", "RaceState", "ScreenGrid"]),
        // No pkgConfig: SwiftPM would drop its feature flags with a warning; shim.h sets what is needed.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // The only code that talks to curses: draws a frame, reads keys.
        .target(name: "TerminalBackend", dependencies: ["CNCurses", "ScreenGrid"]),
        // The interactive loop: replay clock, snapshot fetching, keys to commands, drawing on one thread.
        .target(name: "DashboardApp", dependencies: ["RaceModel", "RaceState", "Dashboard", "TerminalBackend", "ScreenGrid"]),
        // Writes a deterministic synthetic race as an event folder.
        .target(name: "RaceSimulator", dependencies: ["RaceModel"]),
        .executableTarget(name: "racedash", dependencies: [
            "RaceModel", "TimingIngest", "RaceState", "ResultsReport", "Dashboard", "DashboardApp", "TerminalBackend", "RaceSimulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "racedash-bench", dependencies: [
            "RaceModel", "TimingIngest", "RaceState", "ResultsReport", "Dashboard", "RaceSimulator",
        ]),
        .testTarget(name: "RaceModelTests", dependencies: ["RaceModel"]),
        // Fixtures/real-reads: real decoder output, kept byte for byte and read from disk by the tests.
        .testTarget(name: "TimingIngestTests", dependencies: ["TimingIngest", "RaceModel"], exclude: ["Fixtures"]),
        .testTarget(name: "RaceStateTests", dependencies: ["RaceState", "TimingIngest", "RaceModel"]),
        .testTarget(name: "ResultsReportTests", dependencies: ["ResultsReport", "RaceState", "TimingIngest", "RaceModel"], exclude: ["Expected"]),
        .testTarget(name: "ScreenGridTests", dependencies: ["ScreenGrid"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "RaceState", "TimingIngest", "RaceModel", "ScreenGrid"]),
        .testTarget(name: "RaceSimulatorTests", dependencies: ["RaceSimulator", "TimingIngest", "RaceState", "RaceModel"]),
        // Drives the built racedash binary in a private tmux server; also the replay clock and loop pieces in-process.
        .testTarget(name: "EndToEndTests", dependencies: [
            "racedash", "DashboardApp", "Dashboard", "RaceState", "TimingIngest", "ResultsReport", "RaceModel", "ScreenGrid",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
