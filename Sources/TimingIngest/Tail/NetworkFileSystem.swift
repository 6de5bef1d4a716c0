#if os(Linux)
import Glibc

/// Folders on these file systems can change without any inotify event: a
/// decoder laptop writing to a share, or Windows writing to a WSL /mnt/c.
enum NetworkFileSystem {
    private static let magicNumbers: Set<UInt32> = [
        0x6969,  // NFS
        0x517B,  // SMB
        0xFF53_4D42,  // CIFS
        0xFE53_4D42,  // SMB2
        0x0102_1997,  // 9p (WSL drives, virtual machine shares)
        0x6573_5546,  // FUSE (sshfs and friends)
        0x00C3_6400,  // Ceph
        0x5346_414F,  // AFS
        0x7375_7245,  // Coda
    ]

    private typealias StatFS = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32

    /// The Glibc module does not export <sys/vfs.h>, so statfs(2) is looked up
    /// by name. Its result starts with `long f_type` on 64-bit Linux.
    private static let statfsFunction: StatFS? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "statfs") else { return nil }
        return unsafeBitCast(symbol, to: StatFS.self)
    }()

    static func contains(_ folder: String) -> Bool {
        guard let statfsFunction else { return false }
        // struct statfs is 120 bytes on x86_64 and aarch64; room to spare.
        let result = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 8)
        defer { result.deallocate() }
        guard statfsFunction(folder, result) == 0 else { return false }
        return magicNumbers.contains(UInt32(truncatingIfNeeded: result.load(as: Int.self)))
    }
}
#endif
