import Foundation
import Testing
@testable import CallPrepKit

/// Reliability, round 3: what a hostile template, option, meeting file or invite did to the
/// commands (docs/limits.md). Every run of the binary is under a timeout, so a hang fails the test.
@Suite("Reliability, round 3", .serialized, .hangGuard)
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
              expected: "templates/debrief.md.mustache:149:1: error: this partial includes debrief.md.mustache in itself"),
        .init(name: "a brief that includes itself", appended: ["brief.md.mustache": "\n  {{>brief.md.mustache}}\n"],
              expected: "templates/brief.md.mustache:179:3: error: this partial includes brief.md.mustache in itself"),
        .init(name: "two templates that include each other, one behind changed delimiters",
              appended: ["debrief.md.mustache": "{{> brief.md.mustache}}\n", "brief.md.mustache": "{{=<% %>=}}<%> debrief.md.mustache %>\n"],
              expected: "templates/brief.md.mustache:178:12: error: this partial makes debrief.md.mustache include itself "
                + "(debrief.md.mustache → brief.md.mustache → debrief.md.mustache)"),
        .init(name: "a parent template that is the template itself", appended: ["debrief.md.mustache": "{{< debrief.md.mustache}}{{/debrief.md.mustache}}\n"],
              expected: "templates/debrief.md.mustache:149:1: error: this partial includes debrief.md.mustache in itself"),
        .init(name: "a partial named by a value", appended: ["brief.md.mustache": "{{>*account}}\n"],
              expected: "templates/brief.md.mustache:178:1: error: a partial named by a value"),
        .init(name: "sections nested 40,000 deep", appended: ["brief.md.mustache": String(repeating: "{{#a}}", count: 40_000)],
              expected: "templates/brief.md.mustache:178:193: error: sections are nested more than 32 deep here"),
        .init(name: "one line of 50,000 tags, then a self-include", appended: ["brief.md.mustache":
                String(repeating: "{{>x}}", count: 50_000) + "{{>brief.md.mustache}}\n"],
              expected: "templates/brief.md.mustache:178:300001: error: this partial includes brief.md.mustache in itself"),
        .init(name: "a self-include behind a delimiter that repeats itself", appended: ["brief.md.mustache":
                "{{=" + String(repeating: "a", count: 15) + "b %=}}" + String(repeating: "a", count: 200_000)
                + String(repeating: "a", count: 15) + "b> brief.md.mustache %\n"],
              expected: "templates/brief.md.mustache:178:200025: error: this partial includes brief.md.mustache in itself"),
        .init(name: "a delimiter of 500 characters", appended: ["brief.md.mustache":
                "{{=" + String(repeating: "a", count: 500) + "b %=}}" + String(repeating: "a", count: 200_000) + "\n"],
              expected: "templates/brief.md.mustache:178:1: error: this sets a delimiter longer than 16 characters"),
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

extension ReliabilityRound3Tests {
    static let invite = TestSupport.fixture("calendar/google-invite.ics")

    /// The Google invite with another UID, written into `folder` as `name`.
    static func invite(uid: String, in folder: URL, name: String = "invite.ics") throws -> URL {
        let text = try TestSupport.read(invite).replacingOccurrences(of: "UID:5k2v9q1c8j7f0e3b4a6dn1m2o3@google.com", with: "UID:\(uid)")
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs a command line callprep printed, as a person pasting it would: through bash, with the
    /// built binary first on the PATH.
    static func paste(_ command: String, in folder: URL) throws -> Int32 {
        let path = CallPrepBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        return try CallPrepBinary.runCommand(["/bin/bash", "-c", command], in: folder, timeout: 20, environment: ["PATH": path]).status
    }

    // MARK: 7. meeting import never overwrites a plan it could not read

    @Test("meeting import --force stops at a meeting file that does not load, and keeps the plan in it")
    func importStopsAtBrokenMeetingFile() throws {
        let folder = try Self.workspace()
        let first = try CallPrepBinary.run(["meeting", "import", Self.invite.path], in: folder, timeout: 20)
        #expect(first.status == 0, "\(first.stderr)")
        let path = "meetings/northwind-logistics-2026-12-03-0900.yaml"
        let url = folder.appendingPathComponent(path)
        let planned = try TestSupport.read(url).replacingOccurrences(of: "# objective:", with: "objective: Review figures: agree the cost #")
        try planned.write(to: url, atomically: true, encoding: .utf8)
        let again = try CallPrepBinary.run(["meeting", "import", "--force", Self.invite.path], in: folder, timeout: 20)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(path):18:26: error: invalid YAML"), "\(again.stderr)")
        #expect(!again.stderr.contains("wrote"))
        #expect(try TestSupport.read(url) == planned)
    }

    @Test("a re-created invite in the same slot is refused as a different invite before --force replaces the plan")
    func recreatedInviteIsNamed() throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["meeting", "import", Self.invite.path], in: folder, timeout: 20).status == 0)
        let recreated = try Self.invite(uid: "recreated-7@google.com", in: folder)
        let result = try CallPrepBinary.run(["meeting", "import", recreated.path], in: folder, timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("meetings/northwind-logistics-2026-12-03-0900.yaml:1:1: error: this meeting file holds "
            + "another invite (UID 5k2v9q1c8j7f0e3b4a6dn1m2o3@google.com), not this one (UID recreated-7@google.com): --force replaces it"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("pass --force to update it"))
    }

    // MARK: 15. agenda and status name what they could not read

    @Test("agenda and status name a meeting file or a process that does not load, and exit 1",
          arguments: [["agenda", "--date", "2026-11-26"], ["status", "--date", "2026-11-26"]])
    func brokenFilesAreNamed(_ command: [String]) throws {
        let folder = try Self.workspace()
        try "id: broken\ndate: [\n".write(to: folder.appendingPathComponent("meetings/broken.yaml"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(command, in: folder, timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("meetings/broken.yaml:3:1: error:"), "\(result.stderr)")
        // The rest is still shown: the example meeting is on 2026-11-26.
        #expect(result.stdout.contains(command[0] == "agenda" ? "Northwind Logistics" : "Status on 2026-11-26"), "\(result.stdout)")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("meetings/broken.yaml"))
        try Self.append(folder, "process.yaml", "surprise: 1\n")
        // The key is on the file's last line.
        let lines = try String(contentsOf: folder.appendingPathComponent("process.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let located = "process.yaml:\(lines):1: error: unknown key 'surprise'"
        let process = try CallPrepBinary.run(command, in: folder, timeout: 20)
        #expect(process.status == 1)
        #expect(process.stderr.contains(located), "\(process.stderr)")
        let imported = try CallPrepBinary.run(["meeting", "import", Self.invite.path, "-o", "-"], in: folder, timeout: 20)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains(located))
        #expect(!imported.stderr.contains("--ours"))
    }

    // MARK: 11. Printed commands run nothing but callprep

    @Test("the import command agenda prints, pasted into a shell, imports the invite and runs nothing hidden in its UID or path")
    func agendaImportCommandIsQuoted() throws {
        let folder = try Self.workspace()
        let invite = try Self.invite(uid: "evil'$(touch PWNED-UID)'\"`touch PWNED-TICK`\"@x", in: folder, name: "in $(touch PWNED-PATH) 'x'.ics")
        let text = try CallPrepBinary.run(["agenda", "--date", "2026-12-03", invite.path], in: folder, timeout: 20)
        #expect(text.status == 0, "\(text.stderr)")
        let line = try #require(text.stdout.split(separator: "\n").first { $0.contains("not imported yet: ") })
        let command = String(line[line.range(of: "not imported yet: ")!.upperBound...])
        let json = try CallPrepBinary.run(["agenda", "--date", "2026-12-03", "--format", "json", invite.path], in: folder, timeout: 20)
        #expect(json.stdout.contains(JSONWriter.write(["importCommand": command]).dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try Self.paste(command, in: folder) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasPrefix("PWNED") }, "\(names)")
        let meeting = try TestSupport.read(folder.appendingPathComponent("meetings/northwind-logistics-2026-12-03-0900.yaml"))
        #expect(meeting.contains("PWNED-UID"))
    }

    @Test("the brief's form command and the prep block's brief command quote the meeting's path")
    func briefAndPrepBlockCommandsAreQuoted() throws {
        let folder = try Self.workspace()
        let hostile = "meetings/call $(touch PWNED) `touch PWNED2` 'x'.yaml"
        try FileManager.default.copyItem(at: folder.appendingPathComponent(Self.meeting), to: folder.appendingPathComponent(hostile))
        let brief = try CallPrepBinary.run(["brief", hostile], in: folder, timeout: 20)
        #expect(brief.status == 0, "\(brief.stderr)")
        let line = try #require(brief.stdout.split(separator: "\n").first { $0.contains("debrief form ready") })
        // A code span fenced by more backticks than the path holds.
        let span = String(line[try #require(line.range(of: "right after the call: ")).upperBound...])
        let fence = span.prefix { $0 == "`" }.count
        #expect(fence == 2 && span.hasSuffix("``") && !span.hasSuffix("```"))
        let command = String(span.dropFirst(fence).dropLast(fence))
        #expect(command == "callprep form 'meetings/call $(touch PWNED) `touch PWNED2` '\\''x'\\''.yaml' -o debriefs/northwind-2026-11-26.md")
        // The form goes where the workspace keeps debriefs (the example's own is moved out of the way).
        try FileManager.default.moveItem(at: folder.appendingPathComponent("debriefs/northwind-2026-11-26.md"),
                                         to: folder.appendingPathComponent("example.md"))
        #expect(try Self.paste(command, in: folder) == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("debriefs/northwind-2026-11-26.md").path))
        let block = try CallPrepBinary.run(["prep-block", hostile], in: folder, timeout: 20)
        #expect(block.status == 0, "\(block.stderr)")
        #expect(block.stdout.replacingOccurrences(of: "\r\n ", with: "").contains("callprep brief 'meetings/call $(touch PWNED)"))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.hasPrefix("PWNED") })
    }

    // MARK: 12. Ids are checked where they are read

    @Test("an opportunity id that would forge Markdown is refused in a meeting file and in a debrief's front matter")
    func forgedOpportunityID() throws {
        let folder = try Self.workspace()
        let forged = "x`) <img src=x onerror=alert(1)>\\n# Forged\\n- [x] done"
        try Self.edit(folder, Self.meeting) { $0.replacingOccurrences(of: "  id: northwind-fleet-2026", with: "  id: \"\(forged)\"") }
        let brief = try CallPrepBinary.run(["brief", Self.meeting], in: folder, timeout: 20)
        #expect(brief.status == 1)
        #expect(brief.stderr.hasPrefix("meetings/northwind-discovery.yaml:11:7: error: opportunity id 'x`) <img src=x onerror=alert(1)>␊# Forged␊- [x] done' may hold only"),
                "\(brief.stderr)")
        #expect(!brief.stdout.contains("<img"))
        try Self.edit(folder, Self.debrief) { $0.replacingOccurrences(of: "opportunity: \"northwind-fleet-2026\"", with: "opportunity: \"\(forged)\"") }
        let score = try CallPrepBinary.run(["score", Self.debrief], in: folder, timeout: 20)
        #expect(score.status == 1)
        #expect(score.stderr.contains("debriefs/northwind-2026-11-26.md:4:14: error: opportunity id"), "\(score.stderr)")
    }

    static func edit(_ folder: URL, _ path: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(path)
        try change(try TestSupport.read(url)).write(to: url, atomically: true, encoding: .utf8)
    }

    // MARK: 13. A value cannot start a line of its own

    @Test("line breaks and bidi controls in front-matter values are visible in every text output; no line starts with ::error",
          arguments: [["next-steps", "--date", "2026-12-10"], ["score", "debriefs"], ["check", "debriefs"], ["check", "--format", "github", "debriefs"],
                      ["status", "--date", "2026-12-10"], ["agenda", "--date", "2026-11-26"]])
    func lineBreaksInValuesAreVisible(_ command: [String]) throws {
        let folder = try Self.workspace()
        let hostile = "Dana\\n::error file=x.md::forged\\r\\n::warning::too \\u202Eevil\\u2066"
        try Self.edit(folder, Self.debrief) { text in
            text.replacingOccurrences(of: "rep: \"Dana Whitfield\"", with: "rep: \"\(hostile)\"")
                .replacingOccurrences(of: "stage: \"discover\"", with: "stage: \"discover\\n::error file=y.md::stage\"")
        }
        try Self.edit(folder, Self.meeting) { $0.replacingOccurrences(of: "account: Northwind Logistics", with: "account: \"Northwind\\n::error::account\"") }
        // The second debrief, with the hostile rep but a stage that loads, for the outputs of a scored debrief.
        try Self.edit(folder, Self.debrief) { $0 }
        let second = try TestSupport.read(folder.appendingPathComponent(Self.debrief))
            .replacingOccurrences(of: "stage: \"discover\\n::error file=y.md::stage\"", with: "stage: \"discover\"")
        try second.write(to: folder.appendingPathComponent("debriefs/second.md"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(command, in: folder, timeout: 20)
        for line in (result.stdout + result.stderr).split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.hasPrefix("::error file=x") && !line.hasPrefix("::warning") && !line.hasPrefix("::error::")
                    && !line.hasPrefix("::error file=y"), "\(command): \(line)")
            #expect(!line.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x2066 || $0.value == 0x0D }, "\(command): \(line)")
        }
        // GitHub's own escape for a line break in a message is %0A.
        #expect((result.stdout + result.stderr).contains(command.contains("github") ? "%0A::error" : "␊::error"),
                "\(command): \(result.stdout)\(result.stderr)")
    }
}

extension ReliabilityRound3Tests {
    /// The exported calendar with, before its end, a zone that repeats every second, an event in
    /// that zone, and an event whose rule no day can match.
    static func hostileExport(in folder: URL) throws -> URL {
        let export = try TestSupport.read(TestSupport.fixture("calendar/exported-calendar.ics"))
        let hostile = """
            BEGIN:VTIMEZONE
            TZID:Odd
            BEGIN:STANDARD
            DTSTART:16010101T000000
            RRULE:FREQ=SECONDLY
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0100
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:odd-zone@x
            DTSTAMP:20261129T080000Z
            DTSTART;TZID=Odd:20261207T100000
            SUMMARY:Call
            ATTENDEE;CN=Dana Whitfield:mailto:dana.whitfield@brightline.example
            ATTENDEE;CN=Ana Silva:mailto:ana@fabrikam.example
            END:VEVENT
            BEGIN:VEVENT
            UID:never@x
            DTSTAMP:20261129T080000Z
            DTSTART:20261201T100000Z
            RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30
            SUMMARY:Never
            END:VEVENT

            """
        let separator = export.contains("\r\n") ? "\r\n" : "\n"
        let text = export.replacingOccurrences(of: "END:VCALENDAR", with: hostile.replacingOccurrences(of: "\n", with: separator) + "END:VCALENDAR")
        let url = folder.appendingPathComponent("export.ics")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("an export of 2,000 endless events and one good one lists the good one, with a warning for each other")
    func manyBrokenEventsInExport() throws {
        let folder = try Self.workspace()
        let broken = (1...2_000).map { number in
            "BEGIN:VEVENT\r\nUID:loop-\(number)@x\r\nDTSTAMP:20261129T080000Z\r\nDTSTART:20261207T100000Z\r\n"
                + "RRULE:FREQ=SECONDLY\r\nSUMMARY:Loop\r\nEND:VEVENT\r\n"
        }.joined()
        let export = try TestSupport.read(TestSupport.fixture("calendar/exported-calendar.ics"))
            .replacingOccurrences(of: "END:VCALENDAR", with: broken + "END:VCALENDAR")
        try export.write(to: folder.appendingPathComponent("many.ics"), atomically: true, encoding: .utf8)
        let agenda = try CallPrepBinary.run(["agenda", "--date", "2026-12-07", "many.ics"], in: folder, timeout: 30)
        #expect(agenda.status == 0, "\(agenda.stderr.prefix(500))")
        #expect(agenda.stdout.contains("Fabrikam"))
        #expect(agenda.stderr.components(separatedBy: "(this VEVENT was skipped, the rest of the file read)").count == 2_001)
    }

    @Test("one endless zone or rule in an exported calendar is skipped with a warning at its own line; agenda shows the rest of the day")
    func hostileEventInExportIsSkipped() throws {
        let folder = try Self.workspace()
        let export = try Self.hostileExport(in: folder)
        let lines = try TestSupport.read(export).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let zoneRule = try #require(lines.firstIndex { $0.hasPrefix("RRULE:FREQ=SECONDLY") }) + 1
        let neverRule = try #require(lines.firstIndex { $0.hasPrefix("RRULE:FREQ=DAILY;BYMONTH=2") }) + 1
        let clean = try CallPrepBinary.run(["agenda", "--date", "2026-12-07", TestSupport.fixture("calendar/exported-calendar.ics").path],
                                           in: folder, timeout: 20)
        let agenda = try CallPrepBinary.run(["agenda", "--date", "2026-12-07", export.path], in: folder, timeout: 20)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        #expect(agenda.stdout.replacingOccurrences(of: export.path, with: "X") == clean.stdout.replacingOccurrences(
            of: TestSupport.fixture("calendar/exported-calendar.ics").path, with: "X"))
        #expect(agenda.stderr.contains("export.ics:\(zoneRule):1: warning: the time zone's rule (RRULE in VTIMEZONE) is refused"), "\(agenda.stderr)")
        #expect(agenda.stderr.contains("(this VTIMEZONE was skipped, the rest of the file read)"))
        #expect(agenda.stderr.contains("export.ics:\(neverRule):1: warning:"), "\(agenda.stderr)")
        // A single invite is read whole or refused: the same file imported without --date or --uid.
        let whole = try CallPrepBinary.run(["meeting", "import", export.path, "-o", "-"], in: folder, timeout: 20)
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("export.ics:\(zoneRule):1: error: the time zone's rule"), "\(whole.stderr)")
        let picked = try CallPrepBinary.run(["meeting", "import", export.path, "--uid", "1a3s5d7f9g1h3j5k7l9z@google.com", "-o", "-"],
                                            in: folder, timeout: 20)
        #expect(picked.status == 0, "\(picked.stderr)")
        #expect(picked.stdout.contains("Fabrikam"))
    }
}

extension ReliabilityRound3Tests {
    /// A case named in words: the test runner prints its arguments raw, and a line of its log that
    /// starts with `::error` is a workflow command to GitHub Actions.
    struct HiddenCase: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let applied: String
        let inline: String
        var testDescription: String { name }
    }

    @Test("hidden characters are shown by their code, joiners and typography pass, a value's line breaks show", arguments: [
        HiddenCase(name: "a right-to-left override", text: "evil\u{202E}txt.md", applied: "evil<U+202E>txt.md", inline: "evil<U+202E>txt.md"),
        HiddenCase(name: "isolates and a mark", text: "a\u{2066}b\u{2069}c\u{200F}", applied: "a<U+2066>b<U+2069>c<U+200F>",
                   inline: "a<U+2066>b<U+2069>c<U+200F>"),
        HiddenCase(name: "a line separator", text: "line\u{2028}sep", applied: "line<U+2028>sep", inline: "line<U+2028>sep"),
        HiddenCase(name: "a byte-order mark inside", text: "in\u{FEFF}side", applied: "in<U+FEFF>side", inline: "in<U+FEFF>side"),
        HiddenCase(name: "report --bom's own mark", text: "\u{FEFF}rep,calls", applied: "\u{FEFF}rep,calls", inline: "\u{FEFF}rep,calls"),
        HiddenCase(name: "a joiner and typography", text: "👩\u{200D}💻 Ana — 2 … ·", applied: "👩\u{200D}💻 Ana — 2 … ·",
                   inline: "👩\u{200D}💻 Ana — 2 … ·"),
        HiddenCase(name: "a workflow command after a line break", text: "Dana\n::error::x\r\n", applied: "Dana\n::error::x\r\n",
                   inline: "Dana␊::error::x␍␊"),
    ])
    func hiddenCharacters(_ hidden: HiddenCase) {
        #expect(VisibleControls.apply(hidden.text) == hidden.applied)
        #expect(VisibleControls.inline(hidden.text) == hidden.inline)
    }
}
