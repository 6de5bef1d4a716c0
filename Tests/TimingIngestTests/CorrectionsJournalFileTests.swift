import Testing
import RaceModel
import TestSupport
@testable import TimingIngest

/// Rows the dashboard appends to `corrections.csv`: header first, line
/// numbers as `undo` and the error messages count them, read back as written.
@Suite struct CorrectionsJournalFileTests {
    @Test func rowsAreAppendedAndReadBack() throws {
        let event = try LiveEventFolder()
        defer { event.remove() }
        let path = event.file("corrections.csv")
        let first = try CorrectionsJournalFile.append(
            to: path, when: "2025-04-06T10:00:00+09:00", who: "kim", bib: "2",
            action: "dq", value: "", reason: "cut the course, twice")
        #expect(first == 2)
        // A row typed by hand with no line end: the next row still starts on its own line.
        try event.append("corrections.csv", "t,referee,1,penalty,+1:00,\"said \"\"sorry\"\"\"")
        let third = try CorrectionsJournalFile.append(
            to: path, when: "t", who: "kim", bib: "3", action: "split",
            value: "finish 09:41:00", reason: "line one\nline two")
        #expect(third == 4)
        let text = String(decoding: try ReadFileScanner.readFile(atPath: path), as: UTF8.self)
        #expect(
            text == """
                when,who,bib,action,value,reason
                2025-04-06T10:00:00+09:00,kim,2,dq,,"cut the course, twice"
                t,referee,1,penalty,+1:00,"said ""sorry\"\"\"
                t,kim,3,split,finish 09:41:00,line one line two

                """)
        let folder = try event.load()
        #expect(folder.correctionProblems.isEmpty)
        #expect(folder.corrections.entries.map(\.line) == [2, 3, 4])
        #expect(
            folder.corrections.entries.map(\.reason) == [
                "cut the course, twice", "said \"sorry\"", "line one line two",
            ])
    }

    @Test func anUnwritableJournalSaysWhy() {
        #expect(throws: CorrectionsJournalFile.WriteError.self) {
            try CorrectionsJournalFile.append(
                to: "/nonexistent-racedash/corrections.csv", when: "t", who: "w", bib: "1",
                action: "dnf", value: "", reason: "r")
        }
    }
}
