#if canImport(Glibc)
import Glibc
#endif

/// Big arrays backed by 2 MiB pages where the kernel allows it (transparent
/// huge pages in `madvise` mode, as Debian sets them): one page fault, not
/// 512, for each 2 MiB first written. A 50,000-runner `results` took
/// 26,000 page faults in all, some 8% of its time; with its big arrays
/// advised, 11,000.
public enum HugePages {
    public static let size = 2 << 20

    public static func advise<T>(_ start: UnsafeMutablePointer<T>, bytes: Int) {
        advise(UnsafeMutableRawPointer(start), bytes: bytes)
    }

    /// Advises the whole 2 MiB pages inside `bytes` from `start`. Only for
    /// memory about to be written through, before any of it is touched: a
    /// huge page is made whole at the first write into it.
    public static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if canImport(Glibc)
        guard let pages = wholePages(from: Int(bitPattern: start), bytes: bytes),
            let aligned = UnsafeMutableRawPointer(bitPattern: pages.lowerBound)
        else { return }
        // A hint: where the kernel says no, the memory is used as it is.
        _ = madvise(aligned, pages.count, 14)  // MADV_HUGEPAGE
        #endif
    }

    /// Gives the whole pages inside `bytes` from `start` back to the kernel:
    /// room an array holds but will not read (what is read there later is
    /// written first, onto a fresh page).
    public static func giveBack<T>(_ start: UnsafeMutablePointer<T>, bytes: Int) {
        #if canImport(Glibc)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let pages = wholePages(from: Int(bitPattern: start), bytes: bytes, size: page),
            let aligned = UnsafeMutableRawPointer(bitPattern: pages.lowerBound)
        else { return }
        _ = madvise(aligned, pages.count, 4)  // MADV_DONTNEED
        #endif
    }

    /// The addresses of the whole pages of `size` (a power of two; huge
    /// pages unless said) in `address..<address + bytes`, if any.
    static func wholePages(from address: Int, bytes: Int, size: Int = size) -> Range<Int>? {
        let first = (address + size - 1) & ~(size - 1)
        let end = (address + bytes) & ~(size - 1)
        return end > first ? first..<end : nil
    }
}

extension Array {
    /// `reserveCapacity`, the room advised for huge pages (`HugePages`) when
    /// it spans one. Inlinable: the small arrays of every timeline come
    /// through here too, and must stay specialized to their element.
    @inlinable public mutating func reserveHugeCapacity(_ minimumCapacity: Int) {
        reserveCapacity(minimumCapacity)
        guard minimumCapacity * MemoryLayout<Element>.stride >= HugePages.size else { return }
        let capacity = self.capacity
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            HugePages.advise(base, bytes: capacity * MemoryLayout<Element>.stride)
        }
    }
}
