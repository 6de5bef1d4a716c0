import Foundation
import Testing
import TestSupport
@testable import Dashboard

/// docs/dashboard.md lists every key of the key table, with where it works,
/// and no key the table lacks.
@Suite struct KeyDocsTests {
    struct Row: Hashable, CustomStringConvertible {
        let key: String
        let scope: String
        var description: String { "| `\(key)` | ... | \(scope) |" }
    }

    /// The rows of the tables under `## Keys`: first cell the keys in backticks, last where they work.
    static func documentedRows() throws -> [Row] {
        let text = try String(contentsOfFile: SampleFeed.root + "/docs/dashboard.md", encoding: .utf8)
        var rows: [Row] = []
        var inKeys = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inKeys = line == "## Keys" }
            guard inKeys, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, let key = cells.first, let scope = cells.last else { continue }
            rows.append(Row(key: key.trimmingCharacters(in: CharacterSet(charactersIn: "`")), scope: scope))
        }
        return rows
    }

    @Test func theDocListsEveryBindingWhereItWorksAndNoOther() throws {
        let documented = Set(try Self.documentedRows())
        let table = Set(KeyBindings.all.map { Row(key: $0.label, scope: $0.scope) })
        let missing = table.subtracting(documented).map(\.description).sorted()
        let extra = documented.subtracting(table).map(\.description).sorted()
        #expect(missing.isEmpty, "docs/dashboard.md ## Keys lacks:\n\(missing.joined(separator: "\n"))")
        #expect(
            extra.isEmpty, "docs/dashboard.md ## Keys lists keys the table lacks:\n\(extra.joined(separator: "\n"))")
    }

    @Test func everyKeyLeadsToOneBindingInEachViewAndMode() {
        for view in View.allCases {
            for mode in KeyMode.allCases {
                let keys = KeyBindings.applying(in: view, mode: mode).flatMap(\.keys)
                #expect(Set(keys).count == keys.count, "\(view) \(mode): a key bound twice")
            }
        }
    }
}
