import Foundation
import Testing
@testable import CallPrepKit

/// One truth (issue 24): the index is a cache of the debriefs, so no failed or read-only command
/// may leave an empty index behind that hides them; and a real client's calendar is read whole.
@Suite("One truth: defects of the trial", .serialized, .hangGuard)
struct OneTruthTests {
    static let meeting = "meetings/northwind-discovery.yaml"

    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path, withTemplates: false)
        return folder
    }

    static func exists(_ path: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test("ingest of a path that does not exist fails and creates no index; next-steps still reads debriefs/")
    func ingestOfNothingCreatesNoIndex() throws {
        let folder = try Self.workspace()
        let before = try CallPrepBinary.run(["next-steps"], in: folder)
        let ingest = try CallPrepBinary.run(["ingest", "nosuch"], in: folder)
        #expect(ingest.status == 1)
        #expect(ingest.stderr == "nosuch:1:1: error: cannot read the file: no such file or folder\n")
        #expect(ingest.stdout == "Nothing changed: 0 debriefs unchanged; 1 unreadable, kept as indexed.\n")
        #expect(!Self.exists(".callprep", in: folder))
        // The workspace's open steps are still found where they are: in debriefs/.
        let after = try CallPrepBinary.run(["next-steps"], in: folder)
        #expect(after.status == before.status && after.stdout == before.stdout, "\(after.stdout)")
        #expect(!after.stdout.contains("No open next steps"))
    }

    @Test("brief and form with a mistyped --index fail with a clear error and create nothing",
          arguments: ["brief", "form"])
    func mistypedIndexIsAnError(_ command: String) throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run([command, Self.meeting, "--index", "typo.sqlite"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "typo.sqlite:1:1: error: no index yet: run `callprep ingest debriefs`\n")
        #expect(!Self.exists("typo.sqlite", in: folder))
        #expect(!Self.exists("typo.sqlite.lock", in: folder))
    }

    @Test func writingIntoAFolderThatIsNotThereSaysWhichFolder() throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run(["brief", Self.meeting, "-o", "briefs/northwind.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "briefs/northwind.md:1:1: error: cannot write the file: the folder briefs does not exist: "
            + "create it first\n")
        #expect(!Self.exists("briefs", in: folder))
    }

    @Test func oneDebriefIsSaidInTheSingular() {
        #expect(IngestSummary(unchanged: 1).description == "Nothing changed: 1 debrief unchanged.")
        #expect(IngestSummary(unchanged: 2).description == "Nothing changed: 2 debriefs unchanged.")
    }

    /// Google Calendar writes properties with no value (`LOCATION:`, `DESCRIPTION:`, `COMMENT:`,
    /// an empty `X-GOOGLE-CONFERENCE:`); one of them refused the whole file.
    @Test("empty properties, as Google writes them, are as if not given", arguments: [
        ["meeting", "import", "INVITE", "-o", "-"], ["agenda", "INVITE", "--date", "2026-12-03"],
    ])
    func emptyPropertiesAreAbsent(_ arguments: [String]) throws {
        let folder = try ReliabilityTests.workspace()
        func run(_ fixture: String) throws -> CommandResult {
            try CallPrepBinary.run(arguments.map { $0 == "INVITE" ? TestSupport.fixture("calendar/\(fixture)").path : $0 }, in: folder)
        }
        let empty = try run("google-invite-empty-properties.ics")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(!empty.stderr.contains("error") && !empty.stderr.contains("libical"), "\(empty.stderr)")
        let full = try run("google-invite.ics")
        if arguments[0] == "agenda" {
            // The same call, at the same time, with the same people.
            #expect(empty.stdout == full.stdout.replacingOccurrences(of: "google-invite.ics", with: "google-invite-empty-properties.ics"))
            #expect(empty.stdout.contains("09:00 UTC · Northwind Logistics · Late-delivery figures review · 45 min"))
        } else {
            #expect(empty.stdout.contains("uid: \"5k2v9q1c8j7f0e3b4a6dn1m2o3@google.com\""))
            #expect(empty.stdout.contains("Mara Jensen") && empty.stdout.contains("Priya Raman"))
            #expect(!empty.stdout.contains("Berlin-3-Spree"))
        }
    }

    struct TableCase: CustomTestStringConvertible, Sendable {
        let name: String
        /// Edits the example debrief's lines.
        let edit: @Sendable ([String]) -> [String]
        let expected: String
        var testDescription: String { name }
    }

    static func line(_ lines: [String], _ prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) } ?? 0 }

    static let tableCases: [TableCase] = [
        .init(name: "the next steps' delimiter row deleted", edit: { lines in
            var lines = lines
            lines.remove(at: line(lines, "| Action |") + 1)
            return lines
        }, expected: ":119:1: error: these rows of the Next steps table are not read: the table has no delimiter row"),
        .init(name: "a blank line inside the next steps", edit: { lines in
            var lines = lines
            lines.insert("", at: line(lines, "| Send delay numbers") + 1)
            return lines
        }, expected: ":123:1: error: these rows of the Next steps table are not read: a blank line splits them from the table above"),
        .init(name: "a blank line after the people table's header", edit: { lines in
            var lines = lines
            lines.insert("", at: line(lines, "| Name | Title |") + 2)
            return lines
        }, expected: ":141:1: error: these rows of the People met table are not read: a blank line splits them"),
        .init(name: "the review table's delimiter row deleted", edit: { lines in
            var lines = lines
            lines.remove(at: line(lines, "| Item | Agree") + 1)
            return lines
        }, expected: ":166:1: error: these rows of the Manager review table are not read: the table has no delimiter row"),
    ]

    /// A table a rep broke in an editor lost its rows without a word (exit 0).
    @Test("rows that a broken table drops are an error at their line", arguments: tableCases)
    func brokenTablesAreErrors(_ table: TableCase) throws {
        let folder = try Self.workspace()
        let url = folder.appendingPathComponent("debriefs/northwind-2026-11-26.md")
        let lines = try TestSupport.read(url).components(separatedBy: "\n")
        try table.edit(lines).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        for command in [["check", "debriefs"], ["score", "debriefs/northwind-2026-11-26.md"], ["parse", "debriefs"]] {
            let run = try CallPrepBinary.run(command, in: folder)
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("debriefs/northwind-2026-11-26.md" + table.expected), "\(command): \(run.stderr)")
        }
    }

    @Test("a coaching note that opens with its item's id does not repeat the id in its text")
    func coachingNoteWithoutItsId() throws {
        let folder = try Self.workspace()
        let debrief = folder.appendingPathComponent("debriefs/northwind-2026-11-26.md")
        // A note that only mentions an id further on keeps it.
        let text = try TestSupport.read(debrief).replacingOccurrences(
            of: "- Keep asking who else decides.\n", with: "- Keep asking who else decides.\n- Ask about `frequency-quantified` next time (Sam Lee)\n")
        try text.write(to: debrief, atomically: true, encoding: .utf8)
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let coach = try CallPrepBinary.run(["coach"], in: folder)
        #expect(coach.status == 0)
        #expect(coach.stdout.contains("- 2026-11-26, Sam Lee: Ask them to repeat the number in their own words"), "\(coach.stdout)")
        #expect(!coach.stdout.contains("Sam Lee: impact-quantified"))
        #expect(coach.stdout.contains("Sam Lee: Ask about frequency-quantified next time"), "\(coach.stdout)")
    }

    @Test("a brief of a deal with no opportunity name shows its id alone, and its form command writes to debriefs/")
    func briefWithoutOpportunityName() throws {
        let folder = try Self.workspace()
        let meeting = folder.appendingPathComponent(Self.meeting)
        let text = try TestSupport.read(meeting).replacingOccurrences(of: "  name: Fleet scheduling rollout\n", with: "")
        try text.write(to: meeting, atomically: true, encoding: .utf8)
        let brief = try CallPrepBinary.run(["brief", Self.meeting], in: folder)
        #expect(brief.status == 0, "\(brief.stderr)")
        #expect(brief.stdout.contains("- **Opportunity:** `northwind-fleet-2026`, EUR 120,000\n"), "\(brief.stdout)")
        #expect(brief.stdout.contains("`callprep form meetings/northwind-discovery.yaml -o debriefs/northwind-2026-11-26.md`"))
        // The command it prints works, and writes where ingest looks.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("debriefs/northwind-2026-11-26.md"))
        #expect(try CallPrepBinary.run(["form", Self.meeting, "-o", "debriefs/northwind-2026-11-26.md"], in: folder).status == 0)
        #expect(Self.exists("debriefs/northwind-2026-11-26.md", in: folder))
    }

    @Test("letters without an accent to remove are spelled in ASCII in ids and names", arguments: [
        ("Zoë Łukasiewicz", "zoe-lukasiewicz"), ("Søren Ødegård", "soren-odegard"), ("Đorđe Straße", "dorde-strasse"),
        ("Ærø Œuvre", "aero-oeuvre"), ("!!!", "person"),
    ])
    func lettersWithoutAccents(name: String, slug: String) {
        #expect(PersonView.slug(name) == slug)
        #expect(MeetingLoader.slug(name) == (slug == "person" ? "meeting" : slug))
        #expect(NextStepList.sameName(name, slug.replacingOccurrences(of: "-", with: " ")) == (slug != "person"))
    }

    @Test("check ends with a summary line, and names files under a folder given with a slash without '//'")
    func checkSummaryAndPaths() throws {
        let folder = try Self.workspace()
        let clean = try CallPrepBinary.run(["check"], in: folder)
        #expect(clean.status == 0 && clean.stderr == "Checked 3 files: no problems.\n", "\(clean.stderr)")
        let url = folder.appendingPathComponent("debriefs/northwind-2026-11-26.md")
        let text = try TestSupport.read(url).replacingOccurrences(of: "| --- | --- | --- |\n| Send delay", with: "| Send delay")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let broken = try CallPrepBinary.run(["check", "debriefs/"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("debriefs/northwind-2026-11-26.md:119:1: error: "), "\(broken.stderr)")
        #expect(broken.stderr.hasSuffix("\nChecked 1 file: 1 error, 0 warnings.\n"))
        let github = try CallPrepBinary.run(["check", "--format", "github", "debriefs/"], in: folder)
        #expect(github.stdout.hasPrefix("::error file=debriefs/northwind-2026-11-26.md,line=119,col=1::"), "\(github.stdout)")
        #expect(!github.stdout.contains("Checked"))
    }

    @Test("the manual page lists --version once, no hidden command, and callprep's own exit codes")
    func manualPage() throws {
        let page = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/man/callprep.1"))
        #expect(page.components(separatedBy: ".It Fl -version\n").count == 2)
        #expect(!page.contains("generate-corpus"))
        #expect(!page.contains(".Ex -std"))
        #expect(page.contains(".Sh \"EXIT STATUS\"\n.Bl -tag -width 4n\n.It 0\nSuccess.\n.It 1\n"))
        #expect(page.contains(".It 64\nA usage error"))
    }

    /// A workspace has no docs/: the example meeting file pointed to docs/meeting-file.md, and
    /// `callprep help meeting-file` printed the top-level help.
    @Test("callprep docs prints the guides the workspace's files point to, carried by the binary")
    func guidesFromTheBinary() throws {
        let folder = try Self.workspace()
        let list = try CallPrepBinary.run(["docs"], in: folder)
        #expect(list.status == 0)
        #expect(list.stdout.contains("  meeting-file       The meeting file\n"), "\(list.stdout)")
        for topic in ["meeting-file", "process-file", "scorecard", "checks"] {
            let guide = try CallPrepBinary.run(["docs", topic], in: folder)
            let file = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/\(topic).md"))
            #expect(guide.status == 0 && guide.stdout == file, "\(topic) differs from docs/\(topic).md: run scripts/embed-templates")
        }
        // The example meeting file names a command that works.
        let meeting = try TestSupport.read(folder.appendingPathComponent(Self.meeting))
        #expect(meeting.contains("Keys are described by `callprep docs meeting-file`."))
        #expect(!meeting.contains("docs/"))
        let unknown = try CallPrepBinary.run(["docs", "meeting-files"], in: folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: no guide 'meeting-files'; the guides are: calendar, checks, "))
    }

    @Test("init --templates adds the templates to a workspace that exists, and still refuses to overwrite them")
    func templatesIntoAnExistingWorkspace() throws {
        let folder = try Self.workspace()
        let process = try TestSupport.read(folder.appendingPathComponent("process.yaml"))
        let added = try CallPrepBinary.run(["init", "--templates"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Added the built-in templates to the workspace in .:\n  ./templates/brief.md.mustache\n"))
        for name in TemplateSet.names {
            #expect(try TestSupport.read(folder.appendingPathComponent("templates/\(name)")) == BuiltinFiles.all[name])
        }
        #expect(try TestSupport.read(folder.appendingPathComponent("process.yaml")) == process)
        #expect(try CallPrepBinary.run(["check", "templates"], in: folder).status == 0)
        let again = try CallPrepBinary.run(["init", "--templates"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("./templates/brief.md.mustache:1:1: error: the file exists already; init changed nothing\n"))
        // Without --templates, a workspace that exists is still refused as a whole.
        #expect(try CallPrepBinary.run(["init"], in: folder).status == 1)
    }

    /// The pre-commit hook of docs/team-repository.md ran `check` on a staged brief, read it as a
    /// debrief ("no front matter") and blocked every commit that held one.
    @Test("the documented pre-commit hook lets a brief through, and still stops a broken debrief, through git commit")
    func preCommitHookWithABrief() throws {
        let folder = try Self.workspace()
        let guide = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/team-repository.md"))
        let hookStart = try #require(guide.range(of: "```sh\n#!/bin/sh\n# Check the staged")).lowerBound
        let script = guide[hookStart...].dropFirst(6)
        let hook = String(script[..<(try #require(script.range(of: "```")).lowerBound)])
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let environment = ["PATH": CallPrepBinary.url.deletingLastPathComponent().path + ":" + path,
                           "GIT_AUTHOR_NAME": "Dana", "GIT_AUTHOR_EMAIL": "dana@example.com",
                           "GIT_COMMITTER_NAME": "Dana", "GIT_COMMITTER_EMAIL": "dana@example.com"]
        func git(_ arguments: String...) throws -> CommandResult {
            try CallPrepBinary.runCommand(["/usr/bin/git"] + arguments, in: folder, environment: environment)
        }
        #expect(try git("init", "-q").status == 0)
        let hookFile = folder.appendingPathComponent(".git/hooks/pre-commit")
        try hook.write(to: hookFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hookFile.path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("briefs"), withIntermediateDirectories: true)
        #expect(try CallPrepBinary.run(["brief", Self.meeting, "-o", "briefs/northwind-2026-11-26.md"], in: folder).status == 0)
        #expect(try git("add", "-A").status == 0)
        let commit = try git("commit", "-q", "-m", "Workspace with a brief")
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(commit.stderr.contains("Checked 4 files: no problems."), "\(commit.stderr)")
        // A debrief broken in an editor is still refused.
        let debrief = folder.appendingPathComponent("debriefs/northwind-2026-11-26.md")
        try TestSupport.read(debrief).replacingOccurrences(of: "| --- | --- | --- |\n| Send delay", with: "| Send delay")
            .write(to: debrief, atomically: true, encoding: .utf8)
        #expect(try git("add", "-A").status == 0)
        let refused = try git("commit", "-q", "-m", "A broken table")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("debriefs/northwind-2026-11-26.md:119:1: error: these rows of the Next steps table"), "\(refused.stderr)")
        // A brief whose stamp was edited into nonsense is an error at its line.
        let brief = folder.appendingPathComponent("briefs/northwind-2026-11-26.md")
        let stamped = try TestSupport.read(brief)
        try stamped.replacingOccurrences(of: "written=\"", with: "written=\"not-a-day").write(to: brief, atomically: true, encoding: .utf8)
        let check = try CallPrepBinary.run(["check", "briefs/northwind-2026-11-26.md"], in: folder)
        #expect(check.status == 1 && check.stderr.contains("error: the brief's stamp is broken"), "\(check.stderr)")
    }

    // Permissions bind only a user other than root: the binary runs as nobody.
    @Test("a debrief in a folder that cannot be read fails parse and score (it printed an error and exited 0)",
          .enabled(if: getuid() == 0), arguments: [["parse", "debriefs"], ["score", "debriefs"], ["next-steps", "debriefs"]])
    func unreadableFileInAFolderFails(_ arguments: [String]) throws {
        let folder = try Self.workspace()
        let locked = folder.appendingPathComponent("debriefs/locked.md")
        try TestSupport.read(folder.appendingPathComponent("debriefs/northwind-2026-11-26.md"))
            .replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"northwind-locked\"")
            .write(to: locked, atomically: true, encoding: .utf8)
        for path in [".", "debriefs"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        let run = try CallPrepBinary.run(arguments, in: folder, user: "nobody")
        #expect(run.status == 1, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("debriefs/locked.md:1:1: error: cannot read the file: permission denied"), "\(run.stderr)")
        // The readable debrief is still read.
        #expect(run.stdout.contains("northwind") || run.stdout.contains("Northwind"), "\(run.stdout)")
    }

    @Test("check warns of a name in a template that callprep gives no template (it rendered as nothing, unsaid)")
    func unknownTemplateNames() throws {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path, withTemplates: true)
        let clean = try CallPrepBinary.run(["check", "templates"], in: folder)
        #expect(clean.status == 0 && clean.stderr == "Checked 3 files: no problems.\n", "\(clean.stderr)")
        let brief = folder.appendingPathComponent("templates/brief.md.mustache")
        let text = try TestSupport.read(brief)
        try (text + "{{meeting.acount}} {{#first(risk)}}Risks{{/first(risk)}} {{{meeting.id}}} {{! a comment }}\n")
            .write(to: brief, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let run = try CallPrepBinary.run(["check", "templates"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == """
            templates/brief.md.mustache:\(line):1: warning: 'acount' is no name callprep gives a template, so it renders as nothing (`callprep docs templates` lists the names)
            templates/brief.md.mustache:\(line):20: warning: 'risk' is no name callprep gives a template, so it renders as nothing (`callprep docs templates` lists the names)
            Checked 3 files: 0 errors, 2 warnings.

            """, "\(run.stderr)")
        #expect(try CallPrepBinary.run(["check", "--strict", "templates"], in: folder).status == 1)
    }

    @Test("one debrief is one record however its folder is spelled: debriefs, ./debriefs, debriefs/, a/../debriefs, in full")
    func oneRecordPerDebriefWhateverTheSpelling() throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).stdout == "Indexed 1 new, 0 changed, 0 removed, 0 unchanged.\n")
        let full = folder.resolvingSymlinksInPath().appendingPathComponent("debriefs").path
        for spelling in ["./debriefs", "debriefs/", "meetings/../debriefs", full, "./debriefs/northwind-2026-11-26.md"] {
            let run = try CallPrepBinary.run(["ingest", spelling], in: folder)
            #expect(run.status == 0 && run.stdout == "Nothing changed: 1 debrief unchanged.\n", "\(spelling): \(run.stdout) \(run.stderr)")
            #expect(!run.stderr.contains("a second debrief"), "\(spelling)")
        }
        let report = try CallPrepBinary.run(["report", "--format", "csv"], in: folder)
        #expect(report.stdout.contains("Dana Whitfield,1,"), "\(report.stdout)")
    }

    /// A blank form a rep left at the workspace root was ingested as a call and took the rep's
    /// average down.
    @Test("an unfilled form is skipped with a warning by ingest, score and report; one tick makes it a call")
    func unfilledFormsAreNoCalls() throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["form", Self.meeting, "-o", "blank.md"], in: folder).status == 0)
        let warning = "blank.md:1:1: warning: an unfilled form (nothing ticked or written since `callprep form` made it): no call to score, skipped\n"
        let ingest = try CallPrepBinary.run(["ingest", "."], in: folder)
        #expect(ingest.status == 0 && ingest.stderr == warning, "\(ingest.stderr)")
        #expect(ingest.stdout == "Indexed 1 new, 0 changed, 0 removed, 0 unchanged; 1 unfilled form skipped.\n")
        let report = try CallPrepBinary.run(["report", ".", "--format", "csv"], in: folder)
        #expect(report.stdout.contains("\r\nDana Whitfield,1,47,"), "\(report.stdout)")
        let score = try CallPrepBinary.run(["score", ".", "--format", "json"], in: folder)
        #expect(score.status == 0 && score.stderr == warning, "\(score.stderr)")
        #expect(!score.stdout.contains("blank.md"))
        // One tick is a call: scored and indexed.
        let blank = folder.appendingPathComponent("blank.md")
        let text = try TestSupport.read(blank)
        let ticked = try #require(text.range(of: "- [ ] Prepared beforehand"))
        try text.replacingCharacters(in: ticked, with: "- [x] Prepared beforehand").write(to: blank, atomically: true, encoding: .utf8)
        let again = try CallPrepBinary.run(["ingest", "."], in: folder)
        #expect(again.stdout.hasPrefix("Indexed 1 new"), "\(again.stdout) \(again.stderr)")
        #expect(!again.stderr.contains("unfilled"))
    }

    /// A meeting file could not say it runs under meddpicc: check failed on it for good, agenda
    /// dropped the call, status missed its debrief, and the commands it printed failed.
    @Test("a meeting file that names its process is prepared, checked, listed and followed up under it")
    func meetingNamesItsProcess() throws {
        let folder = try Self.workspace()
        let example = try TestSupport.read(folder.appendingPathComponent(Self.meeting))
        let acme = example.replacingOccurrences(of: "id: northwind-2026-11-26", with: "id: acme-2026-12-10")
            .replacingOccurrences(of: "date: 2026-11-26", with: "date: 2026-12-10")
            .replacingOccurrences(of: "  stage: discover", with: "  stage: qualify")
            .replacingOccurrences(of: "rep: Dana Whitfield", with: "process: meddpicc\nrep: Dana Whitfield")
        try acme.write(to: folder.appendingPathComponent("meetings/acme.yaml"), atomically: true, encoding: .utf8)
        let check = try CallPrepBinary.run(["check"], in: folder)
        #expect(check.status == 0 && check.stderr == "Checked 4 files: no problems.\n", "\(check.stderr)")
        let brief = try CallPrepBinary.run(["brief", "meetings/acme.yaml"], in: folder)
        #expect(brief.status == 0 && brief.stdout.contains("- **Stage:** Qualify (2 of 4)"), "\(brief.stderr)")
        let agenda = try CallPrepBinary.run(["agenda", "--date", "2026-12-10"], in: folder)
        #expect(agenda.stdout.contains("1 call") && agenda.stdout.contains("callprep brief meetings/acme.yaml"), "\(agenda.stdout)")
        let status = try CallPrepBinary.run(["status", "--date", "2026-12-11"], in: folder)
        #expect(status.stdout.contains("2026-12-10 acme-2026-12-10 · Northwind Logistics · rep Dana Whitfield · meetings/acme.yaml"))
        // The form command the brief prints works, and its debrief is scored under meddpicc.
        #expect(brief.stdout.contains("`callprep form meetings/acme.yaml -o debriefs/acme-2026-12-10.md`"))
        #expect(try CallPrepBinary.run(["form", "meetings/acme.yaml", "-o", "debriefs/acme-2026-12-10.md"], in: folder).status == 0)
        #expect(try TestSupport.read(folder.appendingPathComponent("debriefs/acme-2026-12-10.md")).contains("process: \"meddpicc\""))
        #expect(try CallPrepBinary.run(["prep-block", "meetings/acme.yaml"], in: folder).status == 0)
        // --process overrides it: qualify is no stage of b2b.
        let overridden = try CallPrepBinary.run(["brief", "meetings/acme.yaml", "--process", "b2b"], in: folder)
        #expect(overridden.status == 1 && overridden.stderr.contains("qualify"), "\(overridden.stderr)")
        // A name that is no process is an error at the key.
        try acme.replacingOccurrences(of: "process: meddpicc", with: "process: medpic")
            .write(to: folder.appendingPathComponent("meetings/acme.yaml"), atomically: true, encoding: .utf8)
        let wrong = try CallPrepBinary.run(["check", "meetings/acme.yaml"], in: folder)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasPrefix("meetings/acme.yaml:16:10: error: the meeting names the process 'medpic', which is neither"), "\(wrong.stderr)")
    }
}
