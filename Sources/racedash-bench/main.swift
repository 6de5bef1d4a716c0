import Foundation
import LiveIngest
import RaceModel
import Simulation

// racedash-bench: prints speed and memory figures for the paths race day depends on.
// Build in release: swift run -c release racedash-bench [--runners N] [--dir DIR]
// The event folder is generated in a child process, so the peak memory
// reported is that of the measured path alone.

struct BenchOptions {
    var runners = 50_000
    var dir: String? = nil
    var only: Set<String> = []
    var generateInto: String? = nil
    var soakSeconds = 60
    var peer: String? = nil
    var childCatchUp: String? = nil
    var childFreshMemory = false

    init(_ args: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw BenchError("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--runners":
                guard let n = Int(try value()), n > 0 else { throw BenchError("--runners takes a number") }
                runners = n
            case "--dir": dir = try value()
            case "--only": only.insert(try value())
            case "--generate": generateInto = try value()
            case "--peer": peer = try value()
            case "--child-catch-up": childCatchUp = try value()
            case "--child-fresh-memory": childFreshMemory = true
            case "--soak":
                guard let n = Int(try value()), n > 0 else { throw BenchError("--soak takes seconds") }
                soakSeconds = n
            case "-h", "--help":
                print(
                    "usage: racedash-bench [--runners N] [--dir DIR] [--only scale|seek|parse|results|frame|snapshot|live|headless|decoders] [--soak SECONDS] [--peer peer_results.py]"
                )
                exit(0)
            default: throw BenchError("unknown argument \(args[i])")
            }
            i += 1
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

func generate(into dir: String, runners: Int) throws {
    let event = RaceSimulator.simulate(SimulationOptions(seed: 42, runners: runners, profile: .bigCityMarathon))
    try event.write(to: dir)
}

/// Size and modification time of this executable: a new build, a new stamp.
func executableStamp() -> String {
    let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = attributes?[.size] as? Int ?? 0
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size)-\(Int(modified))"
}

/// Generates the folder in a child process unless it is already there.
func ensureEvent(at dir: String, runners: Int) throws {
    let marker = dir + "/.runners"
    // The simulator's output changes with racedash: a folder from another build is made again.
    let stamp = "\(runners) \(executableStamp())"
    if let text = try? String(contentsOfFile: marker, encoding: .utf8), text == stamp,
        FileManager.default.fileExists(atPath: dir + "/event.toml")
    {
        return
    }
    print("generating a \(withThousands(runners))-runner marathon into \(dir) ...")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    child.arguments = ["--generate", dir, "--runners", String(runners)]
    try child.run()
    child.waitUntilExit()
    guard child.terminationStatus == 0 else { throw BenchError("generating the event failed") }
    try stamp.write(toFile: marker, atomically: true, encoding: .utf8)
}

MallocSettings.returnBigBlocksOnFree()  // as every racedash process does
MallocSettings.growHeapsInBigSteps()
let options: BenchOptions
do { options = try BenchOptions(Array(CommandLine.arguments.dropFirst())) } catch {
    FileHandle.standardError.write(Data("racedash-bench: \(error)\n".utf8))
    exit(2)
}
if let dir = options.generateInto {
    do {
        try generate(into: dir, runners: options.runners)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("racedash-bench: \(error)\n".utf8))
        exit(1)
    }
}

if options.childFreshMemory {
    print(freshMemoryCost())
    exit(0)
}

if let dir = options.childCatchUp {
    do {
        try await childCatchUp(folder: dir)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("racedash-bench: \(error)\n".utf8))
        exit(1)
    }
}

let dir = options.dir ?? NSTemporaryDirectory() + "racedash-bench-\(options.runners)"
do {
    #if DEBUG
    print("note: this is a debug build; figures are meaningful only with -c release")
    #endif
    try ensureEvent(at: dir, runners: options.runners)
    if options.only.isEmpty || options.only.contains("scale") {
        print(try await runScaleBench(options: options, folder: dir))
    }
    if options.only.contains("seek") {
        print(try await runSeekBench(folder: dir))
    }
    if options.only.contains("parse") {
        print(try runParseBench(folder: dir))
    }
    if options.only.isEmpty || options.only.contains("results") {
        print(try await runResultsBench(folder: dir))
    }
    if options.only.isEmpty || options.only.contains("frame") {
        print(try await runFrameBench(folder: dir))
    }
    if options.only.isEmpty || options.only.contains("snapshot") {
        print(try await runSnapshotBench(folder: dir))
    }
    if options.only.isEmpty || options.only.contains("live") {
        print(try await runLiveBench(runners: options.runners, folder: dir))
    }
    if options.only.isEmpty || options.only.contains("headless") {
        print(try await runHeadlessBench(folder: dir, burst: 50_000, soakSeconds: options.soakSeconds, soakRate: 500))
    }
    if options.only.isEmpty || options.only.contains("decoders") {
        print(try await runDecoderBench(runners: options.runners, over: .raceResult))
        print(try await runDecoderBench(runners: options.runners, over: .mylaps))
    }
} catch {
    FileHandle.standardError.write(Data("racedash-bench: \(error)\n".utf8))
    exit(1)
}
