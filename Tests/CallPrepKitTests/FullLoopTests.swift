import Foundation
import Testing
@testable import CallPrepKit

/// The whole loop as a rep, a manager and a team lead run it, through the built binary only:
/// meeting → form → filled form → parse → score → ingest → report → coach → next brief.
@Suite("The full loop through the binary", .serialized)
struct FullLoopTests {
    /// The README's walkthrough ("A workspace"), command by command, in a fresh folder with the
    /// binary on the path: every command exits 0 and writes nothing to standard error.
    @Test func theReadmeWalkthroughRunsAsWritten() throws {
        let readme = try TestSupport.read(TestSupport.root.appendingPathComponent("README.md"))
        let section = try #require(readme.components(separatedBy: "## A workspace").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(commands.count >= 8)
        let folder = try TestSupport.temporaryFolder()
        var script = "set -e\nexport PATH=\"\(CallPrepBinary.url.deletingLastPathComponent().path):$PATH\"\n"
        for command in commands { script += "echo \"$ \(command.replacingOccurrences(of: "\"", with: "\\\""))\" >&2\n\(command)\n" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        let diagnostics = stderr.split(separator: "\n").filter { !$0.hasPrefix("$ ") && !$0.hasPrefix("Indexed ") }
        #expect(diagnostics.isEmpty, "the walkthrough warns: \(diagnostics)")
    }

    @Test func aMeetingGoesTheWholeWayToTheTeamReport() throws {
        let folder = try TestSupport.temporaryFolder()
        for name in ["meetings", "debriefs"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent("templates/examples/northwind-discovery.yaml"),
                                         to: folder.appendingPathComponent("meetings/northwind.yaml"))
        func run(_ arguments: String...) throws -> CommandResult {
            let result = try CallPrepBinary.run(arguments, in: folder)
            #expect(result.status == 0, "callprep \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }

        // The rep: a brief before the call, a form after it, filled in as a person would.
        #expect(try run("brief", "meetings/northwind.yaml").stdout.contains("# Call prep: Northwind Logistics"))
        _ = try run("form", "meetings/northwind.yaml", "-o", "debriefs/northwind.md")
        let form = try String(contentsOf: folder.appendingPathComponent("debriefs/northwind.md"), encoding: .utf8)
        try RoundTripTests.fill(form).write(to: folder.appendingPathComponent("debriefs/northwind.md"), atomically: true,
                                             encoding: .utf8)

        let records = try JSONDecoder().decode([DebriefRecord].self,
                                               from: Data(try run("parse", "debriefs").stdout.utf8))
        let record = try #require(records.first)
        #expect(records.count == 1 && record.diagnostics.isEmpty)
        #expect(record.nextSteps.map(\.action) == ["Send Q3 figures"])
        #expect(record.review.grade == 55 && record.selfAssessment.score == 75)

        let cards = try JSONDecoder().decode([Scorecard].self,
                                             from: Data(try run("score", "--format", "json", "debriefs").stdout.utf8))
        let card = try #require(cards.first)
        #expect(card.selfScore == 75 && card.managerScore == 55)
        // Their own figure, but the meeting's known pains were left without theirs: not each problem.
        #expect(card.items.first { $0.id == "impact-quantified" }?.reason.hasPrefix("pains-quantified:") == true)
        #expect(card.items.first { $0.id == "upfront-agreement" }?.overriddenBy == "manager")

        // The team lead: the index, the report in every format, the coaching notes.
        #expect(try run("ingest", "debriefs").stdout == "Indexed 1 new, 0 changed, 0 removed, 0 unchanged.\n")
        let report = try JSONDecoder().decode(TeamReport.self, from: Data(try run("report", "--format", "json").stdout.utf8))
        #expect(report.debriefs == 1 && report.averageScore == card.score)
        #expect(report.reps.map(\.rep) == ["Dana Whitfield"])
        let html = try run("report", "--format", "html").stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Dana Whitfield") && !html.contains("<script"))
        #expect(try run("report", "--format", "csv").stdout.hasPrefix("rep,calls,average_score"))
        let coach = try run("coach").stdout
        #expect(coach.contains("## Dana Whitfield") && coach.contains("Write their exact words."))

        // The next call's brief knows what this one showed.
        let later = try String(contentsOf: folder.appendingPathComponent("meetings/northwind.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "2026-11-26", with: "2026-12-10")
        try later.write(to: folder.appendingPathComponent("meetings/next.yaml"), atomically: true, encoding: .utf8)
        let brief = try run("brief", "meetings/next.yaml").stdout
        #expect(brief.contains("debriefs/northwind.md") && brief.contains("Send Q3 figures"))
    }

    @Test func aCorpusFromAWorkspacesOwnFormTemplateIsAClearErrorNotATrap() throws {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "# Our own debrief for {{#meeting}}{{account}}{{/meeting}}\n"
            .write(to: folder.appendingPathComponent("templates/debrief.md.mustache"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["generate-corpus", "corpus", "--count", "3"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("templates/debrief.md.mustache:1:1: error: the form has no "))
        #expect(result.stderr.contains("generate-corpus fills forms of the built-in debrief template"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("corpus").path))
    }

    @Test func aWorkspacesOwnReportTemplateMakesTheHTMLReportEscapedForHTML() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "<h1>Ours</h1>{{#reps}}{{#rows}}<p>{{name}} {{average}}</p>{{/rows}}{{/reps}}<i>{{scope}}</i>\n"
            .write(to: folder.appendingPathComponent("templates/report.html.mustache"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["report", "debriefs", "--format", "html", "--rep", "Dana <b>Whitfield"],
                                            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "<h1>Ours</h1><i>0 debriefs, rep Dana &lt;b&gt;Whitfield</i>\n")
        let all = try CallPrepBinary.run(["report", "--format", "html"], in: folder)
        #expect(all.stdout.hasPrefix("<h1>Ours</h1><p>Dana Whitfield "))

        try "{{#reps}}unclosed".write(to: folder.appendingPathComponent("templates/report.html.mustache"),
                                      atomically: true, encoding: .utf8)
        let broken = try CallPrepBinary.run(["report", "--format", "html"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("templates/report.html.mustache:1:"))
        // Formats that need no template do not read it.
        #expect(try CallPrepBinary.run(["report", "--format", "md"], in: folder).status == 0)
    }

    /// A rep scoring one debrief and a manager scoring the folder see the same number.
    @Test func aDebriefScoresTheSameAloneAsInItsFolder() throws {
        let folder = try IndexSupport.workspace(["manager-overrides", "self-assessment-high"].map {
            TestSupport.fixture("scoring/\($0).md")
        })
        func scores(_ arguments: String...) throws -> [String: Scorecard] {
            let result = try CallPrepBinary.run(["score", "--format", "json"] + arguments, in: folder)
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
            let cards = try JSONDecoder().decode([Scorecard].self, from: Data(result.stdout.utf8))
            return Dictionary(uniqueKeysWithValues: cards.map { (($0.source as NSString).lastPathComponent, $0) })
        }
        let inFolder = try #require(try scores("debriefs")["self-assessment-high.md"])
        let alone = try #require(try scores("debriefs/self-assessment-high.md")["self-assessment-high.md"])
        #expect(alone.score == inFolder.score && alone.items == inFolder.items && alone.stage == inFolder.stage)
        #expect(alone.history?.count == 1 && alone.history?.first.source == "debriefs/manager-overrides.md")
        let isolated = try #require(try scores("--no-history", "debriefs/self-assessment-high.md")["self-assessment-high.md"])
        #expect(isolated.history == nil && isolated.stage.evidenced == nil && inFolder.stage.evidenced == "connect")

        // With an index, from the index; a changed copy given on the command line wins over the indexed one.
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let fromIndex = try #require(try scores("debriefs/self-assessment-high.md")["self-assessment-high.md"])
        #expect(fromIndex.score == inFolder.score && fromIndex.history?.first.source == "debriefs/manager-overrides.md")
    }

    /// The form asks only for the earlier milestones the deal's history has not evidenced; those it
    /// has are shown met, with the debrief that met them.
    @Test func theFormLeavesOutWhatTheHistoryEvidenced() throws {
        let folder = try IndexSupport.workspace([TestSupport.fixture("scoring/manager-overrides.md")])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("meetings"), withIntermediateDirectories: true)
        let meeting = try String(contentsOf: TestSupport.root.appendingPathComponent("templates/examples/northwind-discovery.yaml"),
                                 encoding: .utf8)
            .replacingOccurrences(of: "2026-11-26", with: "2026-12-10").replacingOccurrences(of: "stage: discover", with: "stage: common-fit")
        try meeting.write(to: folder.appendingPathComponent("meetings/next.yaml"), atomically: true, encoding: .utf8)
        let form = try CallPrepBinary.run(["form", "meetings/next.yaml"], in: folder)
        #expect(form.status == 0, "\(form.stderr)")
        let alone = try CallPrepBinary.run(["form", "meetings/next.yaml", "--debriefs", "nowhere"], in: folder)
        // manager-overrides met both Connect milestones: the form no longer asks for them.
        let lines = form.stdout.split(separator: "\n").filter { $0.hasPrefix("- [") && $0.contains("`meeting-reason-agreed`") }
        #expect(lines == ["- [x] Reason for the meeting and its possible outcomes agreed up front `meeting-reason-agreed` "
                          + "— met on 2026-11-26 in debriefs/manager-overrides.md <!-- callprep:met-earlier -->"])
        #expect(alone.stdout.contains("- [ ] Reason for the meeting and its possible outcomes agreed up front `meeting-reason-agreed`"))
        #expect(form.stdout.contains("`frequency-quantified`"))
        let brief = try CallPrepBinary.run(["brief", "meetings/next.yaml"], in: folder)
        #expect(brief.stdout.contains("meeting-reason-agreed"))
    }

    /// The meeting file says who decides: a debrief whose people-met table leaves the decision
    /// maker out still knows them, and a next step with them involves the decision maker.
    @Test func theMeetingFileTellsWhoDecides() throws {
        let folder = try TestSupport.temporaryFolder()
        for name in ["meetings", "debriefs"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let meeting = try String(contentsOf: TestSupport.root.appendingPathComponent("templates/examples/northwind-discovery.yaml"),
                                 encoding: .utf8)
            .replacingOccurrences(of: "attendees:\n", with: """
                attendees:
                  - name: Henrik Sorensen
                    title: COO
                    side: theirs
                    buying_role: decision_maker

                """)
        try meeting.write(to: folder.appendingPathComponent("meetings/northwind.yaml"), atomically: true, encoding: .utf8)
        var debrief = Debrief()
        debrief.people = [["Mara Jensen", "Head of Operations", "champion"]]
        let text = debrief.markdown.replacingOccurrences(of: "meeting: \"call-2026-11-26\"", with: "meeting: \"northwind-2026-11-26\"")
        try text.write(to: folder.appendingPathComponent("debriefs/call.md"), atomically: true, encoding: .utf8)
        let withMeeting = try CallPrepBinary.run(["score", "debriefs/call.md"], in: folder)
        #expect(!withMeeting.stdout.contains("next-step-decision-maker"), "\(withMeeting.stdout)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("meetings/northwind.yaml"))
        let without = try CallPrepBinary.run(["score", "debriefs/call.md"], in: folder)
        #expect(without.stdout.contains("next-step-decision-maker"))
    }
}
