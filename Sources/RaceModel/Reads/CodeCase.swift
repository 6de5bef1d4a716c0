extension String {
    /// `lowercased()`, without a new String when there is nothing to change
    /// (nearly every chip code and bib of a 50,000-runner list).
    public var lowercasedIfNeeded: String {
        let needs = { (b: UInt8) in (65...90).contains(b) || b >= 128 }
        return (utf8.withContiguousStorageIfAvailable { $0.contains(where: needs) } ?? utf8.contains(where: needs))
            ? lowercased() : self
    }

    /// `uppercased()`, without a new String when there is nothing to change.
    public var uppercasedIfNeeded: String {
        let needs = { (b: UInt8) in (97...122).contains(b) || b >= 128 }
        return (utf8.withContiguousStorageIfAvailable { $0.contains(where: needs) } ?? utf8.contains(where: needs))
            ? uppercased() : self
    }
}
