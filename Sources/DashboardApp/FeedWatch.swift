import Dashboard

/// How the dashboard learns what the live feed says about itself: a stream
/// that yields whenever that changes (a file deleted, truncated, a config
/// edit refused or fixed), and the report to show then. The loop is woken
/// by the stream; it never polls the report.
public struct FeedWatch: Sendable {
    public let changes: @Sendable () -> AsyncStream<Void>
    public let report: @Sendable () -> FeedReport

    public init(changes: @escaping @Sendable () -> AsyncStream<Void>, report: @escaping @Sendable () -> FeedReport) {
        self.changes = changes
        self.report = report
    }

    /// Deposits a report in `mailbox` now and after every change, until the
    /// stream ends or the task is cancelled. Subscribed before the first
    /// report, so no change falls between the two.
    func forward(to mailbox: SnapshotMailbox) async {
        let changes = changes()
        mailbox.deposit(report())
        for await _ in changes {
            if Task.isCancelled || mailbox.isClosed { return }
            mailbox.deposit(report())
        }
    }
}
