import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the machine itself was doing while the figures were taken. On a
/// shared virtual machine the same build's figures move by a fifth or more
/// between quiet and busy spells; these say which spell a run met.
///
/// The CPU time the host kept from this machine's cores: the `steal` column
/// of `/proc/stat`'s total line, as a share of all its columns.
struct CPUTimes {
    var stolen: Int
    var total: Int

    static func now() -> CPUTimes? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is inside user).
        let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { Int($0) }
        guard ticks.count == 8 else { return nil }
        return CPUTimes(stolen: ticks[7], total: ticks.reduce(0, +))
    }

    /// The share of the time between `earlier` and this that was stolen, in percent.
    func stolenPercent(since earlier: CPUTimes?) -> String {
        guard let earlier, total > earlier.total else { return "?" }
        return format(100 * Double(stolen - earlier.stolen) / Double(total - earlier.total), 1) + "%"
    }
}

/// `freshMemoryCost` in a child of its own: the bench's own high-water mark
/// would be every later child's starting peak memory (see `runChild`).
func freshMemoryCostInChild() -> String {
    guard let child = try? runSelf(["--child-fresh-memory"], name: "fresh-memory"), child.run.status == 0,
        let printed = child.printed
    else { return "?" }
    return printed
}

/// ms per MiB of memory written for the first time: 64 MiB mapped, a byte
/// written to each page, unmapped again. The kernel zeroes each page, and a
/// host that took back the memory behind it hands it back first: 0.6-0.9 ms
/// per MiB was measured on this kind of machine, several times a bare one's,
/// so a process's fresh memory is a share of its time.
func freshMemoryCost() -> String {
    let bytes = 64 << 20
    guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        memory != MAP_FAILED
    else { return "?" }
    defer { munmap(memory, bytes) }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let clock = ContinuousClock()
    let start = clock.now
    for offset in stride(from: 0, to: bytes, by: page) {
        memory.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self)
    }
    return format((clock.now - start).milliseconds / 64, 2) + " ms/MiB"
}
