import Foundation
import Testing
@testable import CallPrepKit

/// The form's contract (Form/) is what the built-in template writes and the parser reads: a
/// section or key added to one side only fails here.
@Suite("The debrief form's contract")
struct FormContractTests {
    static func form() throws -> String {
        try #require(Workspace.sampleForms(try Workspace(folder: TestSupport.root.path).templates()).first)
    }

    @Test func theTemplateMarksEverySectionAndOnlyWhatTheContractKnows() throws {
        let text = try Self.form()
        let written = Set(text.matches(of: /<!-- callprep:([a-z-]+) -->/).map { String($0.1) })
        let known = Set(FormSection.allCases.map(\.rawValue) + ["header", FormContract.metEarlier])
        #expect(written.isSubset(of: known), "\(written.subtracting(known))")
        #expect(Set(FormSection.allCases.map(\.rawValue)).isSubset(of: written))
    }

    @Test func theFrontMatterHoldsEveryKeyInOrderAndTheParserReadsItBack() throws {
        let text = try Self.form()
        let keys = FrontMatter.split(text).yaml?.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(keys == FormContract.Key.allCases.map(\.rawValue))
        #expect(text.contains("form: \"\(FormContract.formatVersion)\""))
        let parsed = DebriefParser(catalog: try ProcessCatalog(explicit: nil), boilerplate: FormBoilerplate(texts: [])).parse(SourceFile(path: "x.md", text: text))
        #expect(parsed.record?.meeting.id == "boilerplate-a", "\(parsed.diagnostics)")
    }
}
