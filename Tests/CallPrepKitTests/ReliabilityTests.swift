import Foundation
import GRDB
import Testing
@testable import CallPrepKit

/// Everything around the Markdown, as an attacker or an unlucky user meets it: odd files, huge
/// numbers, damaged indexes, two writers, control characters, lossy conversions (docs/limits.md).
/// Runs that could hang run under a timeout, so that a regression fails instead of hanging CI.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    /// A workspace from `callprep init`: the example meeting and its filled debrief.
    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path)
        return folder
    }

    static let debrief = "debriefs/northwind-2026-11-26.md"

    static func edit(_ folder: URL, _ path: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(path)
        try change(try TestSupport.read(url)).write(to: url, atomically: true, encoding: .utf8)
    }

    // MARK: 1. Odd files

    struct OddFile: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable (URL) throws -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let oddFiles: [OddFile] = [
        .init(name: "a named pipe", make: { #expect(mkfifo($0.path, 0o644) == 0) }, reason: "not a regular file (a named pipe)"),
        .init(name: "a socket", make: { url in
            let socket = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in url.path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            #expect(bound == 0)
        }, reason: "not a regular file (a socket)"),
        .init(name: "a folder named like a debrief", make: {
            try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false)
        }, reason: "it is a folder"),
        .init(name: "a dangling link", make: { #expect(symlink("nowhere.md", $0.path) == 0) },
              reason: "a symbolic link to nothing (dangling)"),
        .init(name: "a link loop", make: { #expect(symlink($0.lastPathComponent, $0.path) == 0) }, reason: "a symbolic link loop"),
    ]

    @Test("an odd file in a folder is skipped with a warning, and named alone it is an error; nothing blocks",
          arguments: oddFiles)
    func oddFilesAreNamedAndNeverBlock(_ odd: OddFile) throws {
        let folder = try Self.workspace()
        try odd.make(folder.appendingPathComponent("debriefs/odd.md"))
        for command in ["parse", "score", "ingest"] {
            let run = try CallPrepBinary.run([command, "debriefs"], in: folder, timeout: 30)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("debriefs/odd.md:1:1: warning: \(odd.reason), skipped"), "\(command): \(run.stderr)")
        }
        // A folder given by name is searched as a folder: only the other kinds are read alone.
        guard odd.name != "a folder named like a debrief" else { return }
        let alone = try CallPrepBinary.run(["parse", "debriefs/odd.md"], in: folder, timeout: 30)
        #expect(alone.status == 1)
        #expect(alone.stderr == "debriefs/odd.md:1:1: error: cannot read the file: \(odd.reason)\n")
    }

    // MARK: 2. Huge numbers

    @Test("an opportunity value out of range, NaN or infinite is an error at its place, never a trap",
          arguments: ["9.3e16", "-9.3e16", "1e308", "-1e308", "123456789012345678901234567890", ".nan", ".inf", "-1"])
    func hugeValuesAreLocatedErrors(_ value: String) throws {
        let folder = try Self.workspace()
        try Self.edit(folder, "meetings/northwind-discovery.yaml") { $0.replacingOccurrences(of: "value: 120000", with: "value: \(value)") }
        for command in ["brief", "form"] {
            let run = try CallPrepBinary.run([command, "meetings/northwind-discovery.yaml"], in: folder)
            #expect(run.status == 1)
            let expected = [".nan", ".inf"].contains(value) ? "'value' must be a number, not '\(value)'"
                : "'value' must be between 0 and 1000000000000, not '\(value)'"
            #expect(run.stderr == "meetings/northwind-discovery.yaml:14:10: error: \(expected)\n", "\(command)")
        }
    }

    @Test("huge numbers in evidence are read as large, never trap", arguments: ["1e400 minutes", "1e300 hours", "9e18h", "-1e400 minutes"])
    func hugeNumbersInEvidenceDoNotTrap(_ number: String) throws {
        let folder = try Self.workspace()
        try Self.edit(folder, Self.debrief) {
            $0.replacingOccurrences(of: "Brief in the CRM, written the day before.", with: "Prepared for \(number).")
        }
        let run = try CallPrepBinary.run(["score", "--no-history", "--format", "json", Self.debrief], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"score\""))
    }

    @Test("weights and thresholds beyond a million are errors with their place",
          arguments: [("weight: 1e308", "'weight' must be a positive number up to 1000000, not '1e308'"),
                      ("threshold: 1e308", "'threshold' must be between 0 and 1000000, not '1e308'")])
    func hugeProcessNumbersAreErrors(_ setting: String, _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let text = "id: x\nversion: 1\ntitle: T\nstages:\n  - id: a\n    title: A\n    milestones:\n      - id: m\n        title: M\n"
            + (setting.hasPrefix("weight") ? "        \(setting)\n" : "checks:\n  self-assessment-gap: {\(setting)}\n")
        try text.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(["process", "check", "p.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: \(message)"), "\(run.stderr)")
    }

    // MARK: 3. Damaged indexes

    struct Damage: CustomTestStringConvertible, Sendable {
        let name: String
        let damage: @Sendable (String) throws -> Void
        let message: String
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        .init(name: "truncated", damage: { path in
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try data.prefix(5000).write(to: URL(fileURLWithPath: path))
        }, message: "the index is damaged (database disk image is malformed)"),
        .init(name: "overwritten", damage: { try "not a database".write(toFile: $0, atomically: false, encoding: .utf8) },
              message: "the index is damaged (file is not a database)"),
        .init(name: "of a newer schema", damage: { path in
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        }, message: "the index was written by a newer version of callprep"),
    ]

    @Test("a damaged index is named, and `ingest --rebuild` recovers it", arguments: damages)
    func damagedIndexIsRecoverable(_ damage: Damage) throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        try damage.damage(folder.appendingPathComponent(IndexStore.defaultPath).path)
        for command in ["report", "coach"] {
            let run = try CallPrepBinary.run([command], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix(".callprep/index.sqlite:1:1: error: \(damage.message)"), "\(run.stderr)")
            #expect(run.stderr.contains("callprep ingest --rebuild"))
        }
        let rebuilt = try CallPrepBinary.run(["ingest", "--rebuild", "debriefs"], in: folder)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout == "Indexed 1 new, 0 changed, 0 removed, 0 unchanged.\n")
        let report = try CallPrepBinary.run(["report", "--format", "csv"], in: folder)
        #expect(report.status == 0 && report.stdout.contains("Dana Whitfield,1,"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".callprep").path)
        #expect(left.sorted() == ["index.sqlite", "index.sqlite.lock"])
    }

    @Test("a path that cannot be read makes ingest, report and coach exit 1, with no report",
          arguments: [["ingest", "nosuch/"], ["report", "nosuch/"], ["coach", "nosuch/"]])
    func unreadablePathsExitOne(_ arguments: [String]) throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let run = try CallPrepBinary.run(arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("nosuch/:1:1: error: cannot read the file: no such file or folder\n"), "\(run.stderr)")
        #expect(arguments[0] == "ingest" || run.stdout.isEmpty)
    }

    @Test func aCopyOfADebriefUnderAnotherNameIsWarnedAboutOnIngest() throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        try FileManager.default.copyItem(at: folder.appendingPathComponent(Self.debrief),
                                         to: folder.appendingPathComponent("debriefs/zz-copy.md"))
        let run = try CallPrepBinary.run(["ingest", "debriefs"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == "debriefs/zz-copy.md:1:1: warning: a second debrief of meeting 'northwind-2026-11-26' "
            + "(the first is debriefs/northwind-2026-11-26.md): one of them is a copy, or has the wrong meeting id\n")
    }

    /// `-` is read by report and coach for the run only, and stored by ingest only under the name
    /// `--as` gives it.
    @Test("`-` is a debrief on standard input for ingest (with --as), report and coach too",
          arguments: [["ingest", "-", "--as", "debriefs/piped.md"], ["report", "-", "--format", "csv"], ["coach", "-"]])
    func standardInputIsADebriefEverywhere(_ arguments: [String]) throws {
        let folder = try Self.workspace()
        let debrief = try TestSupport.read(folder.appendingPathComponent(Self.debrief))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(Self.debrief))
        let run = try CallPrepBinary.run(arguments, in: folder, stdin: debrief)
        #expect(run.status == 0, "\(run.stderr)")
        if arguments[0] == "ingest" {
            #expect(run.stdout == "Indexed 1 new, 0 changed, 0 removed, 0 unchanged.\n")
            let records = try IndexStore(path: folder.appendingPathComponent(IndexStore.defaultPath).path).records()
            #expect(records.map(\.source) == ["debriefs/piped.md"])
        } else {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".callprep").path))
        }
        if arguments[0] == "report" { #expect(run.stdout.contains("\r\nDana Whitfield,1,")) }
        if arguments[0] == "coach" { #expect(run.stdout.contains("## Dana Whitfield") && run.stdout.contains("`<stdin>:")) }
    }

    @Test func ingestOfStandardInputWithoutANameIsAUsageError() throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run(["ingest", "-"], in: folder, stdin: "anything")
        #expect(run.status == 64)
        #expect(run.stderr.contains("A debrief read from standard input is stored only under a name: add --as PATH"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".callprep").path))
    }

    /// With no index, report and coach read debriefs/ (in memory) and create nothing; with neither,
    /// they say how to start.
    @Test func reportWithoutAnIndexReadsTheDebriefsAndCreatesNothing() throws {
        let folder = try Self.workspace()
        for command in ["report", "coach"] {
            let run = try CallPrepBinary.run([command], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Dana Whitfield"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".callprep").path))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("debriefs"))
        for command in ["report", "coach"] {
            let run = try CallPrepBinary.run([command], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr == ".callprep/index.sqlite:1:1: error: no index yet: run `callprep ingest debriefs`\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".callprep").path))
    }

    /// A write the disk refuses (here a file size limit, as a full disk would) leaves the index as
    /// it was, and says so in plain words.
    @Test func aRefusedWriteLeavesTheIndexAsItWas() throws {
        let folder = try Self.workspace()
        try IndexSupport.writeCorpus(200, seed: 5, into: folder)
        #expect(try CallPrepBinary.run(["ingest", Self.debrief], in: folder).status == 0)
        let index = folder.appendingPathComponent(IndexStore.defaultPath)
        let before = try Data(contentsOf: index)
        let limited = Process()
        limited.executableURL = URL(fileURLWithPath: "/bin/bash")
        // SIGXFSZ ignored, as a full disk sends no signal: the write fails and SQLite says so.
        limited.arguments = ["-c", "trap '' XFSZ; ulimit -f \(before.count / 512 + 8); exec \"$0\" ingest debriefs",
                             CallPrepBinary.url.path]
        limited.currentDirectoryURL = folder
        let errors = Pipe()
        limited.standardError = errors
        limited.standardOutput = Pipe()
        try limited.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        limited.waitUntilExit()
        #expect(limited.terminationStatus == 1)
        #expect(stderr.contains(".callprep/index.sqlite:1:1: error: the index could not be written to the disk"), "\(stderr)")
        #expect(stderr.contains("the index is as it was before this run"))
        #expect(!stderr.contains("NSCocoaErrorDomain"))
        // The next reader rolls back what the failed commit began (SQLite's journal), byte for byte
        // (an index named with --index is read as it is, not brought up to date).
        let report = try CallPrepBinary.run(["report", "--format", "csv", "--index", IndexStore.defaultPath], in: folder)
        #expect(report.status == 0 && report.stdout.contains("Dana Whitfield,1,"), "\(report.stderr)")
        #expect(try Data(contentsOf: index) == before)
    }

    // Permissions bind only a user other than root: the binary runs as nobody, which takes root.
    @Test(.enabled(if: getuid() == 0)) func anIndexThatCannotBeWrittenIsSaidInPlainWords() throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.appendingPathComponent(".callprep").path)
        try Self.edit(folder, Self.debrief) { $0.replacingOccurrences(of: "Score (0 to 100): 80", with: "Score (0 to 100): 70") }
        let run = try CallPrepBinary.run(["ingest", "debriefs"], in: folder, user: "nobody")
        #expect(run.status == 1)
        #expect(run.stderr.contains(".callprep/index.sqlite:1:1: error: the index cannot be written"), "\(run.stderr)")
        #expect(run.stderr.contains("the index is as it was before this run"))
    }

    // MARK: 4. Two writers

    @Test func twoIngestsAndReportsAtOnceAllSucceed() throws {
        let folder = try Self.workspace()
        try IndexSupport.writeCorpus(300, seed: 11, into: folder)
        let group = DispatchGroup()
        let results = Results()
        for index in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                let arguments = index < 2 ? ["ingest", "debriefs"] : ["report", "debriefs", "--format", "csv"]
                results.add((try? CallPrepBinary.run(arguments, in: folder, timeout: 120)).map { ($0.status, $0.stderr) })
                group.leave()
            }
        }
        group.wait()
        #expect(results.all.count == 4)
        for result in results.all {
            #expect(result?.0 == 0, "\(String(describing: result))")
            #expect(result?.1.contains("locked") == false)
        }
        let records = try IndexStore(path: folder.appendingPathComponent(IndexStore.defaultPath).path).records()
        #expect(records.count == 301)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [(Int32, String)?] = []
        func add(_ result: (Int32, String)?) {
            lock.lock()
            all.append(result)
            lock.unlock()
        }
    }

    // MARK: 5. Unreadable files

    // Permissions bind only a user other than root: the binary runs as nobody, which takes root.
    @Test(.enabled(if: getuid() == 0)) func anUnreadableFileIsAnErrorAndKeepsItsRecords() throws {
        let folder = try Self.workspace()
        let other = folder.appendingPathComponent("debriefs/copy.md")
        try TestSupport.read(folder.appendingPathComponent(Self.debrief))
            .replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"northwind-copy\"")
            .write(to: other, atomically: true, encoding: .utf8)
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        for path in [".", ".callprep", "debriefs"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: folder.appendingPathComponent(IndexStore.defaultPath).path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: other.path)
        for arguments in [["ingest", "debriefs"], ["ingest", "debriefs/copy.md"]] {
            let run = try CallPrepBinary.run(arguments, in: folder, user: "nobody")
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("debriefs/copy.md:1:1: error: cannot read the file: permission denied"), "\(run.stderr)")
            #expect(run.stdout.contains("1 unreadable, kept as indexed"))
        }
        #expect(try CallPrepBinary.run(["report", "--format", "csv"], in: folder).stdout.contains("Dana Whitfield,2,"))
        try FileManager.default.removeItem(at: other)
        let gone = try CallPrepBinary.run(["ingest", "debriefs/copy.md"], in: folder)
        #expect(gone.status == 0, "\(gone.stderr)")
        #expect(gone.stdout == "Indexed 0 new, 0 changed, 1 removed, 0 unchanged.\n")
    }

    // MARK: 6. Control characters

    static let hostile = "\u{1B}]52;c;SGFjaw==\u{07}\u{1B}[2J\u{1B}]8;;http://evil.example\u{07}link\u{1B}]8;;\u{07}\u{9B}31m"

    @Test("no control character from a debrief reaches any output format",
          arguments: [["score", "--format", "text"], ["score", "--format", "md"], ["score", "--format", "csv"],
                      ["score", "--format", "json"], ["parse", "--format", "csv"], ["parse", "--format", "json"],
                      ["report", "--format", "md"], ["report", "--format", "html"], ["report", "--format", "csv"],
                      ["coach"]])
    func controlCharactersAreMadeVisible(_ command: [String]) throws {
        let folder = try Self.workspace()
        try Self.edit(folder, Self.debrief) { text in
            text.replacingOccurrences(of: "rep: \"Dana Whitfield\"", with: "rep: \"Dana\\e]52;c;SGFjaw==\\aWhitfield\"")
                .replacingOccurrences(of: "Brief in the CRM, written the day before.", with: "Brief \(Self.hostile).")
                .replacingOccurrences(of: "| Mara Jensen |", with: "| Mara \(Self.hostile) Jensen |")
                .replacingOccurrences(of: "- Ask about the COO", with: "- Ask \(Self.hostile) about the COO")
        }
        let arguments = command + (command[0] == "report" || command[0] == "coach" ? ["debriefs"] : [Self.debrief])
        let run = try CallPrepBinary.run(arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for output in [run.stdout, run.stderr] {
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value) },
                    "\(arguments)")
        }
        if command != ["parse", "--format", "json"], command != ["score", "--format", "json"] {
            #expect(run.stdout.contains("\u{241B}"), "\(arguments): the escapes are shown, not dropped")
        }
    }

    // MARK: 7. Links

    @Test func linkTargetsAreKeptAndStayInert() throws {
        let folder = try Self.workspace()
        try Self.edit(folder, Self.debrief) {
            $0.replacingOccurrences(of: "Brief in the CRM, written the day before.",
                                    with: "Brief in the CRM, see [the plan](https://crm.example/plan?id=7) and <https://crm.example/x>.")
        }
        let parse = try CallPrepBinary.run(["parse", Self.debrief], in: folder)
        #expect(parse.stdout.contains("see the plan (https://crm.example/plan?id=7) and https://crm.example/x."))
        try Self.edit(folder, Self.debrief) {
            $0.replacingOccurrences(of: "Ask about the COO earlier", with: "Ask about the COO earlier, see [notes](javascript:alert(1))")
        }
        let html = try CallPrepBinary.run(["report", "debriefs", "--format", "html"], in: folder)
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<a ") && !html.stdout.contains("href"))
    }

    // MARK: 8. Lossy conversions

    @Test("a table a converter rewrote as text is named instead of silently missing",
          arguments: [("simple", "  Action    Owner    Due\n  --------- -------- ----------\n  Send it   Mara     2026-11-30\n"),
                      ("grid", "+--------+-------+\n| Action | Owner |\n+========+=======+\n| Send   | Mara  |\n+--------+-------+\n")])
    func convertedTablesAreWarnedAbout(_ kind: String, _ table: String) throws {
        let folder = try Self.workspace()
        try Self.edit(folder, Self.debrief) { text in
            let start = text.range(of: "| Action |")!.lowerBound
            let end = text.range(of: "## Pains")!.lowerBound
            return text.replacingCharacters(in: start..<end, with: table + "\n")
        }
        let run = try CallPrepBinary.run(["score", "--no-history", Self.debrief], in: folder)
        #expect(run.stderr.contains("warning: the Next steps section holds no GFM pipe table"), "\(kind): \(run.stderr)")
    }

    @Test func anHTMLFileIsOneError() throws {
        let folder = try TestSupport.temporaryFolder()
        try "<!DOCTYPE html>\n<html><body><h1>Debrief</h1></body></html>\n"
            .write(to: folder.appendingPathComponent("d.md"), atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(["score", "d.md"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "d.md:1:1: error: this is HTML, not a Markdown debrief: fill in the Markdown form that `callprep form` writes\n")
    }

    // MARK: 9. Front matter of the wrong shape

    @Test("a list or mapping where the front matter wants one value is an error naming the key",
          arguments: [("rep: \"Dana Whitfield\"", "rep: [Dana, Sam]", "6:6", "rep"),
                      ("account: \"Northwind Logistics\"", "account: {name: Northwind}", "5:10", "account"),
                      ("date: \"2026-11-26\"", "date: [2026, 11, 26]", "7:7", "date")])
    func wrongShapesAreErrors(_ line: String, _ replacement: String, _ position: String, _ key: String) throws {
        let folder = try Self.workspace()
        try Self.edit(folder, Self.debrief) { $0.replacingOccurrences(of: line, with: replacement) }
        let run = try CallPrepBinary.run(["parse", Self.debrief], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(Self.debrief):\(position): error: '\(key)' must be text, not a list or mapping"), "\(run.stderr)")
    }

    // MARK: 10. Interrupted writes

    @Test("an interrupted write leaves no temporary file", arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptedWritesCleanUp(_ signal: Int32, _ status: Int32) throws {
        let folder = try Self.workspace()
        try IndexSupport.writeCorpus(400, seed: 2, into: folder)
        let process = Process()
        process.executableURL = CallPrepBinary.url
        process.arguments = ["score", "debriefs", "--format", "json", "-o", "out.json"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Until the temporary file is there, then the signal, while the run is still writing.
        var waited = 0
        var writing = false
        while !writing, waited < 3000, process.isRunning {
            writing = try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix(".out.json.") }
            if !writing { usleep(1000) }
            waited += 1
        }
        #expect(writing, "the run never began its output file")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("out.json") }
        #expect(left.isEmpty, "\(left)")
        #expect(process.terminationStatus == status)
    }

    @Test func aTemporaryFileOfAKilledRunIsRemovedByTheNextWrite() throws {
        let folder = try TestSupport.temporaryFolder()
        // No process has this id (above the kernel's limit), as after SIGKILL.
        let stale = folder.appendingPathComponent(".out.md.4194399.12345.tmp")
        try "half".write(to: stale, atomically: false, encoding: .utf8)
        let unrelated = folder.appendingPathComponent(".other.md.4194399.12345.tmp")
        try "keep".write(to: unrelated, atomically: false, encoding: .utf8)
        try OutputFile.write("whole\n", to: folder.appendingPathComponent("out.md").path, force: false)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }

    // MARK: 12. Small items

    @Test("the CSV formula guard covers what Swift reads as a number but a spreadsheet does not",
          arguments: [("-inf", false), ("-nan", false), ("-0x1p3", false), ("+0x10", false), ("-16", true), ("-1.5e3", true),
                      ("+2.5", true), ("-1.", false), ("=1+1", false)])
    func formulaGuard(_ cell: String, _ plain: Bool) {
        #expect(CSVOutput.isPlainDecimal(cell) == plain)
    }

    @Test func aLinkLoopNamedOnTheCommandLineIsSaidSo() throws {
        let folder = try TestSupport.temporaryFolder()
        #expect(symlink("loop.md", folder.appendingPathComponent("loop.md").path) == 0)
        for command in ["parse", "score", "ingest"] {
            let run = try CallPrepBinary.run([command, "loop.md"], in: folder, timeout: 30)
            #expect(run.status == 1)
            #expect(run.stderr.contains("loop.md:1:1: error: cannot read the file: a symbolic link loop"), "\(command): \(run.stderr)")
        }
    }
}
