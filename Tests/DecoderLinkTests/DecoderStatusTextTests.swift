import Testing
import TimingIngest
@testable import DecoderLink

@Suite struct DecoderStatusTextTests {
    func status(_ link: DecoderStatus.Link, since: Int = 9 * 3_600_000) -> DecoderStatus {
        var s = DecoderStatus(pointId: "km5", kind: .raceResult, endpoint: "10.0.0.5:3601")
        s.link = link
        s.since = since
        return s
    }

    @Test func aSummarySaysEverythingAboutTheLink() {
        var s = status(.connected)
        s.passings = 1234
        s.lastPassing = 9 * 3_600_000 + 41 * 60_000 + 7000
        s.repeats = 2
        s.gaps = 3
        s.clockSkew = -1520
        #expect(
            DecoderStatusText.summary(s)
                == "km5 decoder (race-result 10.0.0.5:3601): connected since 09:00:00, 1234 passings (last 09:41:07), 2 repeats, gaps 3, clock -1.52 s"
        )
    }

    @Test func aDownLinkSaysWhy() {
        var s = status(.waiting)
        s.lastError = "cannot connect to 10.0.0.5:3601: connection refused"
        #expect(
            DecoderStatusText.details(s)
                == "NOT CONNECTED since 09:00:00, 0 passings, gaps 0, cannot connect to 10.0.0.5:3601: connection refused"
        )
    }

    @Test func aMessageRefusedIsShownWhileTheLinkIsUp() {
        let problem = "MYLAPS message 'garbage$' has no '<name>@<command>@' at its start"
        for link in [DecoderStatus.Link.connected, .silent] {
            var s = status(link)
            s.lastProblem = problem
            #expect(DecoderStatusText.details(s).hasSuffix("0 passings, gaps 0, last refused: \(problem)"))
        }
    }

    @Test func changesAreTheLinksThatWentUpOrDown() {
        let before = [status(.connected)]
        #expect(DecoderStatusText.changes(from: before, to: before).isEmpty)
        #expect(DecoderStatusText.changes(from: [], to: [status(.waiting)]).isEmpty)
        #expect(
            DecoderStatusText.changes(from: before, to: [status(.silent, since: 9 * 3_600_000 + 15_000)])
                == ["km5 decoder (race-result 10.0.0.5:3601): SILENT at 09:00:15"])
        #expect(
            DecoderStatusText.changes(from: [], to: before) == [
                "km5 decoder (race-result 10.0.0.5:3601): connected at 09:00:00"
            ])
    }
}
