import Foundation
import Testing
@testable import CallPrepKit

/// The built-in form's own text, recorded so that no command renders two forms to learn it.
@Suite("The built-in form's boilerplate")
struct BoilerplateTests {
    /// Sources/CallPrepKit/Generated/BuiltinBoilerplate.swift holds what rendering the built-in
    /// template finds; it fails while the template and the recording differ.
    @Test func theRecordingMatchesTheBuiltInTemplate() throws {
        let forms = Workspace.sampleForms(try TemplateSet.load(workspace: "/nonexistent"))
        let texts = try FormBoilerplate(forms: forms).sortedTexts
        #expect(texts.count > 20)
        var source = """
            // Recorded by BoilerplateTests from templates/debrief.md.mustache (CALLPREP_RECORD=1 swift test). Do not edit.

            /// The blocks of text the built-in debrief form template writes by itself, normalized.
            enum BuiltinBoilerplate {
                static let texts: [String] = [

            """
        for text in texts { source += "        \(Self.literal(text)),\n" }
        source += "    ]\n}\n"
        try TestSupport.expectGolden(source, TestSupport.root.appendingPathComponent(
            "Sources/CallPrepKit/Generated/BuiltinBoilerplate.swift"))
    }

    /// A Swift string literal for any text.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A workspace with its own form template still learns that template's text.
    @Test func aWorkspaceTemplateIsRenderedForItsOwnText() throws {
        let folder = try ReliabilityTests.workspace()
        let builtin = try Workspace(folder: folder.path).formBoilerplate()
        #expect(builtin.contains(text: "Remove anyone who did not attend; add the people you met for the first time as \"new\"."))
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let template = try TestSupport.read(TestSupport.root.appendingPathComponent("templates/debrief.md.mustache"))
            .replacingOccurrences(of: "Remove anyone who did not attend;", with: "Strike anyone who was not there;")
        try template.write(to: templates.appendingPathComponent("debrief.md.mustache"), atomically: true, encoding: .utf8)
        let own = try Workspace(folder: folder.path).formBoilerplate()
        #expect(own.contains(text: "Strike anyone who was not there; add the people you met for the first time as \"new\"."))
        #expect(!own.contains(text: "Remove anyone who did not attend; add the people you met for the first time as \"new\"."))
    }
}
