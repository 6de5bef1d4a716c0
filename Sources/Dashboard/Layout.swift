/// Row budgets that depend on the terminal height only, shared by the
/// renderer and the key handler so a page down moves exactly one screen.
enum Layout {
    /// Title bar, counts and progress, alert ticker, view tabs.
    static let headerRows = 4
    static let contentTop = headerRows

    static func contentRows(height: Int) -> Int { max(0, height - headerRows - 1) }

    // Field view: filter line, column header, list, then the "just finished" strip (title + entries).
    static func finishStripRows(height: Int) -> Int {
        min(6, max(2, contentRows(height: height) / 8))
    }

    static func fieldListRows(height: Int) -> Int {
        max(1, contentRows(height: height) - 2 - (1 + finishStripRows(height: height)))
    }

    // Alerts view: summary line, then the list.
    static func alertListRows(height: Int) -> Int { max(1, contentRows(height: height) - 1) }

    // Checkpoints view: column header, checkpoint rows, then the field distribution when it has room.
    static let distributionMinRows = 5
    static func checkpointTableRows(checkpoints: Int, height: Int) -> Int {
        let content = contentRows(height: height)
        let wanted = checkpoints + 1
        if content - wanted >= distributionMinRows + 1 { return wanted }
        // Keep the distribution when the table can scroll and still show a useful part.
        if content >= 16 { return content - distributionMinRows - 1 }
        return content
    }

    // Runner view: two identity lines, then the scrolling sheet.
    static func runnerSheetRows(height: Int) -> Int { max(1, contentRows(height: height) - 2) }

    /// Elite view: below this a second split matrix is not worth its header.
    static let splitMatrixMinRows = 6

    // Elite view: the split matrix takes about a quarter of the content.
    static func splitMatrixRows(height: Int) -> Int {
        let content = contentRows(height: height)
        return min(13, max(4, content / 4 + 1))
    }

    // Announcer view: title, column header, the runners due, then the latest finishers (title + entries).
    static func announcerFinishedRows(height: Int) -> Int {
        min(8, max(3, contentRows(height: height) / 5))
    }

    static func announcerDueRows(height: Int) -> Int {
        max(1, contentRows(height: height) - 2 - (1 + announcerFinishedRows(height: height)))
    }
}
