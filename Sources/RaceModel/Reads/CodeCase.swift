extension String {
    /// `lowercased()`, without a new String when there is nothing to change
    /// (nearly every chip code and bib of a 50,000-runner list).
    public var lowercasedIfNeeded: String {
        hasByte { (65...90).contains($0) || $0 >= 128 } ? lowercased() : self
    }

    /// `uppercased()`, without a new String when there is nothing to change.
    public var uppercasedIfNeeded: String {
        hasByte { (97...122).contains($0) || $0 >= 128 } ? uppercased() : self
    }

    /// Every byte ASCII, looked at in place.
    public var isAllASCII: Bool { !hasByte { $0 >= 128 } }

    /// Whether a UTF-8 byte matches, looked for in place where the string is contiguous.
    private func hasByte(_ match: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: match) } ?? utf8.contains(where: match)
    }
}
