import Foundation
import Testing
@testable import CallPrepKit

/// Reliability, round 3: what a hostile template, option, meeting file or invite did to the
/// commands (docs/limits.md). Every run of the binary is under a timeout, so a hang fails the test.
@Suite("Reliability, round 3", .serialized, .timeLimit(.minutes(5)))
struct ReliabilityRound3Tests {
    static let meeting = "meetings/northwind-discovery.yaml"
    static let debrief = "debriefs/northwind-2026-11-26.md"

    /// A workspace from `callprep init --templates`.
    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path, withTemplates: true)
        return folder
    }

    static func append(_ folder: URL, _ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try (try TestSupport.read(url) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    // MARK: 1. Templates that include themselves

    struct TemplateCase: CustomTestStringConvertible, Sendable {
        let name: String
        /// Text appended to each template named.
        let appended: [String: String]
        /// The first error `check` must print, as `file:line:col: error: …` starts.
        let expected: String
        var testDescription: String { name }
    }

    static let templateCases: [TemplateCase] = [
        .init(name: "a form that includes itself", appended: ["debrief.md.mustache": "{{> debrief.md.mustache}}\n"],
              expected: "templates/debrief.md.mustache:132:1: error: this partial includes debrief.md.mustache in itself"),
        .init(name: "a brief that includes itself", appended: ["brief.md.mustache": "\n  {{>brief.md.mustache}}\n"],
              expected: "templates/brief.md.mustache:179:3: error: this partial includes brief.md.mustache in itself"),
        .init(name: "two templates that include each other, one behind changed delimiters",
              appended: ["debrief.md.mustache": "{{> brief.md.mustache}}\n", "brief.md.mustache": "{{=<% %>=}}<%> debrief.md.mustache %>\n"],
              expected: "templates/brief.md.mustache:178:12: error: this partial makes debrief.md.mustache include itself "
                + "(debrief.md.mustache → brief.md.mustache → debrief.md.mustache)"),
        .init(name: "a parent template that is the template itself", appended: ["debrief.md.mustache": "{{< debrief.md.mustache}}{{/debrief.md.mustache}}\n"],
              expected: "templates/debrief.md.mustache:132:1: error: this partial includes debrief.md.mustache in itself"),
        .init(name: "a partial named by a value", appended: ["brief.md.mustache": "{{>*account}}\n"],
              expected: "templates/brief.md.mustache:178:1: error: a partial named by a value"),
        .init(name: "sections nested 40,000 deep", appended: ["brief.md.mustache": String(repeating: "{{#a}}", count: 40_000)],
              expected: "templates/brief.md.mustache:178:193: error: sections are nested more than 32 deep here"),
    ]

    @Test("a template that includes itself, or nests without end, is a located error in every command, never a crash",
          arguments: templateCases)
    func recursiveTemplates(_ template: TemplateCase) throws {
        let folder = try Self.workspace()
        for (name, text) in template.appended { try Self.append(folder, "templates/\(name)", text) }
        let commands: [[String]] = [["check"], ["check", "templates"], ["brief", Self.meeting], ["form", Self.meeting],
                                    ["score", Self.debrief], ["parse", Self.debrief], ["ingest", "debriefs"], ["status"],
                                    ["next-steps"], ["agenda", "--date", "2026-11-26"]]
        for command in commands {
            let result = try CallPrepBinary.run(command, in: folder, timeout: 20)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(template.expected), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(command)")
        }
    }

    @Test("a template that includes another without a circle still renders it")
    func acyclicPartialRenders() throws {
        let folder = try Self.workspace()
        try Self.append(folder, "templates/brief.md.mustache", "{{> report.html.mustache}}\n")
        try "REPORT PARTIAL {{#missing}}x{{/missing}}\n".write(to: folder.appendingPathComponent("templates/report.html.mustache"),
                                                              atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["brief", Self.meeting], in: folder, timeout: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("REPORT PARTIAL"))
    }

    // MARK: 2. Numeric options

    struct OptionCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let optionCases: [OptionCase] = [
        .init(arguments: ["parse", debrief, "--max-bytes", "9223372036854775807"],
              message: "--max-bytes must be between 1 and 1073741824, not 9223372036854775807"),
        .init(arguments: ["score", debrief, "--max-bytes", "9223372036854775807"], message: "--max-bytes must be between 1 and 1073741824"),
        .init(arguments: ["ingest", "debriefs", "--max-bytes", "9223372036854775807"], message: "--max-bytes must be between 1 and 1073741824"),
        .init(arguments: ["report", "debriefs", "--max-bytes", "9223372036854775807"], message: "--max-bytes must be between 1 and 1073741824"),
        .init(arguments: ["coach", "debriefs", "--max-bytes", "-1"], message: "--max-bytes must be between 1 and 1073741824, not -1"),
        .init(arguments: ["parse", debrief, "--max-bytes", "99999999999999999999"], message: "The value '99999999999999999999' is invalid"),
        .init(arguments: ["score", debrief, "--min-score", "-5"], message: "--min-score must be between 0 and 100, not -5"),
        .init(arguments: ["prep-block", meeting, "--gap", "-5"], message: "--gap must be between 0 and 10080, not -5"),
        .init(arguments: ["prep-block", meeting, "--minutes", "-30"], message: "--minutes must be between 1 and 1440, not -30"),
        .init(arguments: ["generate-corpus", "out", "--count", "-1"], message: "--count must be between 0 and 1000000, not -1"),
    ]

    @Test("every numeric option has a range, and a negative value is said to be out of it", arguments: optionCases)
    func numericOptions(_ option: OptionCase) throws {
        let folder = try Self.workspace()
        let result = try CallPrepBinary.run(option.arguments, in: folder, timeout: 20)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(option.message), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test("the largest --max-bytes is accepted and reads the debrief")
    func largestMaxBytes() throws {
        let folder = try Self.workspace()
        let result = try CallPrepBinary.run(["parse", Self.debrief, "--max-bytes", "1073741824"], in: folder, timeout: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("callprep.debrief/1"))
    }
}
