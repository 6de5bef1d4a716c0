extension String {
    /// `lowercased()`, without a new String when there is nothing to change
    /// (nearly every chip code and bib of a 50,000-runner list).
    public var lowercasedIfNeeded: String {
        utf8.contains { (65...90).contains($0) || $0 >= 128 } ? lowercased() : self
    }

    /// `uppercased()`, without a new String when there is nothing to change.
    public var uppercasedIfNeeded: String {
        utf8.contains { (97...122).contains($0) || $0 >= 128 } ? uppercased() : self
    }
}
