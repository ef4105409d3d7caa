import Foundation
import Testing
@testable import CallPrepKit

/// What one run of the built `callprep` binary did.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Standard error as a thread read it; the semaphore that ends the read orders the access.
private final class ErrorsRead: @unchecked Sendable {
    var data = Data()
}

/// Runs the built binary, as a user would.
enum CallPrepBinary {
    static let url: URL = {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
        for folder in candidates + candidates.map({ $0.deletingLastPathComponent() }) {
            let binary = folder.appendingPathComponent("callprep")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return TestSupport.root.appendingPathComponent(".build/debug/callprep")
    }()

    /// Runs callprep with `arguments`. `timeout` kills it after that many seconds (status 137), so
    /// that a hang fails the test instead of hanging the run; `user` runs it as that user (for
    /// permissions, which root does not meet).
    static func run(_ arguments: [String], in folder: URL? = nil, stdin: String? = nil, timeout: Int? = nil,
                    user: String? = nil) throws -> CommandResult {
        var command = [url.path] + arguments
        if let user { command = ["/usr/bin/setpriv", "--reuid=\(user)", "--regid=\(user == "nobody" ? "nogroup" : user)", "--clear-groups"] + command }
        return try runCommand(command, in: folder, stdin: stdin, timeout: timeout)
    }

    /// Starts callprep with `arguments` in `folder` and returns at once (to kill it, or to run
    /// several at a time); its output is dropped, its standard error goes to `errors` when given.
    static func start(_ arguments: [String], in folder: URL, errors: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs any command (an absolute path first), with `environment` added to this process's;
    /// the same timeout as `run`.
    static func runCommand(_ command: [String], in folder: URL? = nil, stdin: String? = nil, timeout: Int? = nil,
                           environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        var command = command
        if let timeout { command = ["/usr/bin/timeout", "-s", "KILL", String(timeout)] + command }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error is read on its own thread: a run that fills its pipe (thousands of
        // warnings) while standard output is being read would otherwise wait for ever.
        let errorsRead = ErrorsRead()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorsRead.data = errors.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        let err = errorsRead.data
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self))
    }
}

@Suite("The callprep command line")
struct CommandLineTests {
    static let brokenThroughBinary: [BrokenFileCase] = [
        .init(name: "unknown evidence kind",
              text: "id: x\nversion: 1\ntitle: T\nstages:\n  - id: a\n    title: A\n    milestones:\n      - id: m\n        title: M\n        evidence: photo\n",
              expected: ["bad.yaml:10:19: error: unknown evidence kind 'photo' (expected one of: text, number, amount, date, person, quote, outcomes, attendee, deed, role, decision, conditions, list, preparation)"]),
        .init(name: "empty stage", text: "id: x\nversion: 1\ntitle: T\nstages:\n  - id: a\n    title: A\n    milestones: []\n",
              expected: ["bad.yaml:7:17: error: stage 'a' has no milestones"]),
        .init(name: "malformed YAML", text: "id: x\n  version: 1\n",
              expected: ["bad.yaml:2:10: error: invalid YAML: mapping values are not allowed in this context"]),
    ]

    @Test("a broken process file: exit 1, one line on standard error, nothing on standard output",
          arguments: brokenThroughBinary)
    func brokenProcessThroughBinary(_ testCase: BrokenFileCase) throws {
        let folder = try TestSupport.temporaryFolder()
        try testCase.text.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["process", "check", "bad.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == testCase.expected.joined(separator: "\n") + "\n")
    }

    /// docs/man/callprep.1 (scripts/man) names every command and option the binary has: it fails
    /// while the page is stale.
    @Test func theManPageIsCurrent() throws {
        let page = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/man/callprep.1"))
        let help = try CallPrepBinary.run(["--experimental-dump-help"])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any], top: Bool) {
            if !top, let name = command["commandName"] as? String, !page.contains(".It Em \(name)\n") { missing.append(name) }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard argument["shouldDisplay"] as? Bool != false, argument["kind"] as? String != "positional",
                      let names = argument["names"] as? [[String: Any]],
                      let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String,
                      !["help", "version", "experimental-dump-help"].contains(long) else { continue }
                if !page.contains("Fl -\(long)"), !page.contains(", -\(long)") { missing.append("--\(long) of \(command["commandName"] ?? "")") }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["shouldDisplay"] as? Bool != false {
                visit(sub, top: false)
            }
        }
        visit(try #require(info["command"] as? [String: Any]), top: true)
        #expect(missing.isEmpty, "docs/man/callprep.1 lacks \(missing); run scripts/man")
    }

    @Test func shippedProcessesCheck() throws {
        let result = try CallPrepBinary.run(["process", "check", "templates/processes/b2b.yaml",
                                             "templates/processes/meddpicc.yaml"], in: TestSupport.root)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            templates/processes/b2b.yaml: ok: b2b 1.0, 6 stages, 18 milestones, 6 practices
            templates/processes/meddpicc.yaml: ok: meddpicc 1.0, 4 stages, 9 milestones, 3 practices

            """)
    }

    @Test func checkGoesOnPastABadFile() throws {
        let result = try CallPrepBinary.run(["process", "check", "missing.yaml", "templates/processes/b2b.yaml"],
                                            in: TestSupport.root)
        #expect(result.status == 1)
        #expect(result.stderr == "missing.yaml:1:1: error: no process file 'missing.yaml' (built-in processes: b2b, meddpicc)\n")
        #expect(result.stdout.hasPrefix("templates/processes/b2b.yaml: ok"))
    }

    @Test func checkReadsStandardInput() throws {
        let result = try CallPrepBinary.run(["process", "check", "-"], stdin: "id: x\nversion: 1\ntitle: T\n")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:1:1: error: the process is missing 'stages'\n")
    }

    @Test func initThenCheckAndShowInside() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("somewhere")
        let created = try CallPrepBinary.run(["init", folder.path])
        #expect(created.status == 0)
        #expect(created.stdout.contains("meetings/northwind-discovery.yaml"))

        let check = try CallPrepBinary.run(["process", "check"], in: folder)
        #expect(check.status == 0)
        #expect(check.stdout == "process.yaml: ok: b2b 1.0, 6 stages, 18 milestones, 6 practices\n")

        let show = try CallPrepBinary.run(["process", "show"], in: folder)
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("# B2B sales process\n"))
        #expect(show.stdout.contains("## 3. Common fit (`common-fit`)"))
        #expect(show.stdout.contains("| The decision maker identified and engaged directly | `decision-maker-engaged` | 2 | yes | attendee decision-maker |"))

        let before = try snapshot(folder)
        let again = try CallPrepBinary.run(["init", folder.path])
        #expect(again.status == 1)
        #expect(again.stdout == "")
        #expect(again.stderr.split(separator: "\n").count == 4)
        #expect(again.stderr.contains("process.yaml:1:1: error: the file exists already; init changed nothing"))
        #expect(try snapshot(folder) == before)
    }

    @Test func showWritesToAFileOnlyOnce() throws {
        let folder = try TestSupport.temporaryFolder()
        let first = try CallPrepBinary.run(["process", "show", "--process", "meddpicc", "-o", "summary.md"], in: folder)
        #expect(first.status == 0 && first.stdout == "")
        let written = try TestSupport.read(folder.appendingPathComponent("summary.md"))
        #expect(written.hasPrefix("# MEDDPICC qualification\n"))

        let second = try CallPrepBinary.run(["process", "show", "-o", "summary.md"], in: folder)
        #expect(second.status == 1)
        #expect(second.stderr == "summary.md:1:1: error: the file exists already; pass --force to replace it\n")
        #expect(try TestSupport.read(folder.appendingPathComponent("summary.md")) == written)

        let forced = try CallPrepBinary.run(["process", "show", "-o", "summary.md", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try TestSupport.read(folder.appendingPathComponent("summary.md")).hasPrefix("# B2B sales process\n"))
    }

    @Test func showIsDeterministic() throws {
        let first = try CallPrepBinary.run(["process", "show", "--process", "b2b"])
        let second = try CallPrepBinary.run(["process", "show", "--process", "b2b"])
        #expect(first.status == 0 && first.stdout == second.stdout)
    }

    @Test func usageErrorsExit64() throws {
        let result = try CallPrepBinary.run(["process", "check", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
    }

    @Test func versionAndHelp() throws {
        let version = try CallPrepBinary.run(["--version"])
        #expect(version.status == 0 && version.stdout == CallPrepVersion.current + "\n")
        let help = try CallPrepBinary.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("init") && help.stdout.contains("process"))
    }

    static let example = TestSupport.root.appendingPathComponent("templates/examples/northwind-discovery.yaml").path

    @Test func briefAndFormWorkFromAnEmptyFolderWithBuiltInTemplates() throws {
        let folder = try TestSupport.temporaryFolder()
        let brief = try CallPrepBinary.run(["brief", Self.example], in: folder)
        #expect(brief.status == 0 && brief.stderr == "")
        #expect(brief.stdout.hasPrefix("# Call prep: Northwind Logistics, Discovery call\n"))
        let form = try CallPrepBinary.run(["form", Self.example], in: folder)
        #expect(form.status == 0 && form.stderr == "")
        #expect(form.stdout.hasPrefix("---\nform: \"callprep.debrief-form/1\"\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aWorkspaceTemplateOverridesTheBuiltInOne() throws {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"),
                                                withIntermediateDirectories: true)
        try "Team form for {{meeting.account}} ({{stage.title}})\n{{#practices}}- [ ] {{title}}\n{{/practices}}"
            .write(to: folder.appendingPathComponent("templates/debrief.md.mustache"), atomically: true, encoding: .utf8)
        let form = try CallPrepBinary.run(["form", Self.example, "--process", "meddpicc"], in: folder)
        #expect(form.stderr.contains("unknown stage 'discover'"))
        let ours = try CallPrepBinary.run(["form", Self.example], in: folder)
        #expect(ours.status == 0)
        #expect(ours.stdout.hasPrefix("Team form for Northwind Logistics (Discover)\n- [ ] Up-front agreement"))
        let brief = try CallPrepBinary.run(["brief", Self.example], in: folder)
        #expect(brief.stdout.hasPrefix("# Call prep: Northwind Logistics"))
    }

    @Test func aBrokenWorkspaceTemplateIsReportedWithItsLocation() throws {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"),
                                                withIntermediateDirectories: true)
        try "line one\n{{#meeting}}\n{{/oops}}\n"
            .write(to: folder.appendingPathComponent("templates/brief.md.mustache"), atomically: true, encoding: .utf8)
        let brief = try CallPrepBinary.run(["brief", Self.example], in: folder)
        #expect(brief.status == 1 && brief.stdout == "")
        #expect(brief.stderr == "templates/brief.md.mustache:3:4: error: invalid Mustache template: "
            + "this closing tag does not match the section it closes\n")
    }

    @Test func formRefusesToOverwriteAndLeavesTheFileAsItWas() throws {
        let folder = try TestSupport.temporaryFolder()
        let first = try CallPrepBinary.run(["form", Self.example, "-o", "f.md"], in: folder)
        #expect(first.status == 0 && first.stdout == "")
        let path = folder.appendingPathComponent("f.md")
        try "my filled answers\n".write(to: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: path)
        let second = try CallPrepBinary.run(["form", Self.example, "-o", "f.md"], in: folder)
        #expect(second.status == 1 && second.stdout == "")
        #expect(second.stderr == "f.md:1:1: error: the file exists already; pass --force to replace it\n")
        #expect(try Data(contentsOf: path) == before)
    }

    @Test func aBrokenMeetingGivesOneLinePerProblemAndExit1() throws {
        let folder = try TestSupport.temporaryFolder()
        try "date: 2026-13-01\naccount: A\nrep: R\nobjective: O\nopportunity: {id: o, stage: nowhere}\n"
            .write(to: folder.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["brief", "m.yaml"], in: folder)
        #expect(result.status == 1 && result.stdout == "")
        #expect(result.stderr == """
            m.yaml:1:7: error: 'date' must be a date such as 2026-11-24, not '2026-13-01'
            m.yaml:5:29: error: unknown stage 'nowhere': process 'b2b' has connect, discover, common-fit, propose, commit, close

            """)
    }

    @Test func initCanCopyTheTemplates() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("ws")
        let result = try CallPrepBinary.run(["init", folder.path, "--templates"])
        #expect(result.status == 0)
        let copied = try TestSupport.read(folder.appendingPathComponent("templates/debrief.md.mustache"))
        #expect(copied == BuiltinFiles.all["debrief.md.mustache"])
        let form = try CallPrepBinary.run(["form", "meetings/northwind-discovery.yaml"], in: folder)
        #expect(form.status == 0 && form.stdout.contains("## Milestones of Discover"))
    }

    @Test func parseReportsABrokenFileAndGoesOnWithTheRest() throws {
        let folder = try TestSupport.temporaryFolder()
        let filled = try TestSupport.read(ParseSupport.filled)
        try filled.write(to: folder.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        try "# no front matter\n".write(to: folder.appendingPathComponent("bad.md"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["parse", "bad.md", "good.md", "missing.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == """
            bad.md:1:1: error: the debrief has no front matter: it must start with the '---' block that `callprep form` wrote
            missing.md:1:1: error: cannot read the file: no such file

            """)
        let records = try JSONDecoder().decode([DebriefRecord].self, from: Data(result.stdout.utf8))
        #expect(records.map(\.source) == ["good.md"])
    }

    @Test func parseWritesCSVWithOneRowPerItem() throws {
        let folder = try TestSupport.temporaryFolder()
        let filled = try TestSupport.read(ParseSupport.filled)
        try filled.write(to: folder.appendingPathComponent("northwind-filled.md"), atomically: true, encoding: .utf8)
        let result = try CallPrepBinary.run(["parse", "--format", "csv", "northwind-filled.md"], in: folder)
        #expect(result.status == 0)
        try TestSupport.expectGolden(result.stdout, TestSupport.fixture("debriefs/northwind-2026-11-26-debrief.items.csv"))
        #expect(result.stdout.split(separator: "\r\n").count == 1 + 13)
    }

    @Test func parseReadsStandardInput() throws {
        let filled = try TestSupport.read(ParseSupport.filled)
        let result = try CallPrepBinary.run(["parse", "-"], in: try TestSupport.temporaryFolder(), stdin: filled)
        #expect(result.status == 0)
        let records = try JSONDecoder().decode([DebriefRecord].self, from: Data(result.stdout.utf8))
        #expect(records.first?.source == "<stdin>" && records.first?.items.count == 13)
    }

    /// Two debriefs of one opportunity, copied into a fresh folder under their own names.
    static func scoringFolder() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        for name in ["manager-overrides.md", "self-assessment-high.md"] {
            try FileManager.default.copyItem(at: TestSupport.fixture("scoring/\(name)"), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("score writes each format as its golden file", arguments: ["text", "md", "json", "csv"])
    func scoreFormats(format: String) throws {
        let result = try CallPrepBinary.run(["score", "--format", format, "manager-overrides.md", "self-assessment-high.md"],
                                            in: try Self.scoringFolder())
        #expect(result.status == 0 && result.stderr == "")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
        try TestSupport.expectGolden(result.stdout, TestSupport.fixture("scoring/two-debriefs.\(format)"))
    }

    @Test func minScoreSetsTheExitCode() throws {
        let folder = try Self.scoringFolder()
        let pass = try CallPrepBinary.run(["score", "--min-score", "44", "manager-overrides.md"], in: folder)
        #expect(pass.status == 0 && pass.stderr == "")
        let fail = try CallPrepBinary.run(["score", "--min-score", "45", "manager-overrides.md", "self-assessment-high.md"],
                                          in: folder)
        #expect(fail.status == 1)
        #expect(fail.stderr == """
            manager-overrides.md: score 44 is below --min-score 45
            self-assessment-high.md: score 17 is below --min-score 45

            """)
        #expect(fail.stdout.contains("Summary: 2 debriefs"))
        let usage = try CallPrepBinary.run(["score", "--min-score", "101", "manager-overrides.md"], in: folder)
        #expect(usage.status == 64 && usage.stderr.contains("--min-score must be between 0 and 100"))
    }

    @Test func theWorkspaceExampleGoesTheWholeWay() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("ws")
        #expect(try CallPrepBinary.run(["init", folder.path]).status == 0)
        let score = try CallPrepBinary.run(["score", "debriefs/northwind-2026-11-26.md"], in: folder)
        #expect(score.status == 0)
        #expect(score.stdout.contains("Score 47   claimed 73   self 80   manager 60"))
        #expect(score.stdout.contains("self-assessment-gap (line 150)"))
    }

    /// Every file below `folder` with its bytes.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return files
    }
}
