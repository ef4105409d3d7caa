import Foundation
import Testing
@testable import CallPrepKit

/// Writes that must not replace what is not theirs (issue 22, items 8, 9, 10, 16, 17): a device or
/// a named pipe given to `-o`, a symbolic link, special permission bits, a symlinked index, `init`
/// over a dangling link, and an `ingest` that starts while `ingest --rebuild` runs. Every run goes
/// through the binary, under a timeout (docs/limits.md, "Writes" and "Two writers at once").
@Suite("Hostile writes", .serialized, .hangGuard)
struct HostileWriteTests {
    static let meeting = "meetings/northwind-discovery.yaml"

    /// The kind of file at `path`, links not followed (`S_IFCHR`, `S_IFIFO`, `S_IFLNK`...); 0 when none.
    static func kind(_ path: URL) -> mode_t {
        var status = stat()
        return lstat(path.path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    static func mode(_ path: URL) -> mode_t {
        var status = stat()
        return lstat(path.path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    /// The files in `folder` whose name starts with a dot and ends in `.tmp`: what a write left.
    static func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    /// This process's umask, which the binary inherits (read without changing it).
    static func umask() throws -> mode_t {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        return try #require(mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
    }

    // MARK: 8. Devices and named pipes are written in place, never replaced

    /// Commands that write a document to `-o`.
    static let writers: [[String]] = [
        ["brief", meeting],
        ["form", meeting],
        ["meeting", "import", CalendarTests.invite("google-invite.ics")],
        ["report", "debriefs", "--format", "csv"],
    ]

    @Test("-o onto a character device writes to it and leaves it a device, with or without --force",
          arguments: writers, [false, true])
    func aCharacterDeviceIsWrittenNotReplaced(_ command: [String], force: Bool) throws {
        let folder = try ReliabilityTests.workspace()
        let device = folder.appendingPathComponent("null")
        // A null device of our own: the machine's /dev/null is not put at risk.
        #expect(mknod(device.path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        let run = try CallPrepBinary.run(command + ["-o", "null"] + (force ? ["--force"] : []), in: folder, timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("--force"))
        #expect(Self.kind(device) == S_IFCHR, "still a character device")
        #expect(try Self.leftovers(folder) == [])
    }

    @Test("-o onto a named pipe writes into the pipe and leaves it a pipe; with no reader it is an error, not a hang",
          arguments: writers, [false, true])
    func aNamedPipeIsWrittenNotReplaced(_ command: [String], force: Bool) throws {
        let folder = try ReliabilityTests.workspace()
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let flags = force ? ["--force"] : []

        let unread = try CallPrepBinary.run(command + ["-o", "pipe"] + flags, in: folder, timeout: 30)
        #expect(unread.status == 1)
        #expect(unread.stderr.contains("pipe:1:1: error: cannot write the file: a named pipe that no one reads"), "\(unread.stderr)")
        #expect(Self.kind(fifo) == S_IFIFO)

        // A reader that does not block: what the binary writes waits in the pipe (a document is
        // well under the pipe's 64 KB).
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = try CallPrepBinary.run(command + ["-o", "pipe"] + flags, in: folder, timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &bytes, bytes.count)
        #expect(count > 100, "the document went into the pipe")
        #expect(Self.kind(fifo) == S_IFIFO, "still a named pipe")
        #expect(try Self.leftovers(folder) == [])
    }

    @Test("-o /dev/stdout and /dev/fd/1 without --force write to standard output and suggest no --force",
          arguments: ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
    func standardOutputByName(_ name: String) throws {
        let folder = try ReliabilityTests.workspace()
        let run = try CallPrepBinary.run(["brief", Self.meeting, "-o", name], in: folder, timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Northwind"))
        #expect(!run.stderr.contains("--force"))
    }

    // MARK: 9. Links and permissions

    struct Replaced: CustomTestStringConvertible, Sendable {
        let name: String
        /// Makes what `-o out.md` names; returns the regular file that must receive the document.
        let make: @Sendable (URL) throws -> URL
        let mode: mode_t
        var testDescription: String { name }
    }

    static let replaced: [Replaced] = [
        .init(name: "a file with setuid, setgid and sticky bits loses them, keeping the rest", make: { folder in
            let file = folder.appendingPathComponent("out.md")
            try "old".write(to: file, atomically: false, encoding: .utf8)
            #expect(chmod(file.path, 0o7754) == 0)
            return file
        }, mode: 0o754),
        .init(name: "a link is written through: its target is replaced, with the target's mode", make: { folder in
            let target = folder.appendingPathComponent("target.md")
            try "old".write(to: target, atomically: false, encoding: .utf8)
            #expect(chmod(target.path, 0o4640) == 0)
            #expect(symlink("target.md", folder.appendingPathComponent("out.md").path) == 0)
            return target
        }, mode: 0o640),
        .init(name: "a chain of links to a file in another folder", make: { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("elsewhere/target.md")
            try "old".write(to: target, atomically: false, encoding: .utf8)
            #expect(chmod(target.path, 0o600) == 0)
            #expect(symlink("elsewhere/target.md", folder.appendingPathComponent("middle.md").path) == 0)
            #expect(symlink(folder.appendingPathComponent("middle.md").path, folder.appendingPathComponent("out.md").path) == 0)
            return target
        }, mode: 0o600),
    ]

    @Test("--force replaces a file with its permissions minus special bits, and writes through links",
          arguments: replaced)
    func forceKeepsOrdinaryPermissionsOnly(_ testCase: Replaced) throws {
        let folder = try ReliabilityTests.workspace()
        let target = try testCase.make(folder)
        let output = folder.appendingPathComponent("out.md")
        let kindBefore = Self.kind(output)

        let refused = try CallPrepBinary.run(["brief", Self.meeting, "-o", "out.md"], in: folder, timeout: 30)
        #expect(refused.status == 1)
        #expect(refused.stderr == "out.md:1:1: error: the file exists already; pass --force to replace it\n")

        let run = try CallPrepBinary.run(["brief", Self.meeting, "-o", "out.md", "--force"], in: folder, timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.kind(output) == kindBefore, "a link stays a link")
        #expect(Self.kind(target) == S_IFREG)
        #expect(try TestSupport.read(target).contains("Northwind"))
        #expect(Self.mode(target) == testCase.mode)
        #expect(try Self.leftovers(folder) == [])
        #expect(try Self.leftovers(target.deletingLastPathComponent()) == [])
    }

    @Test("a new file gets the permissions the umask leaves, never a link's 0777")
    func aNewFileFollowsTheUmask() throws {
        let folder = try ReliabilityTests.workspace()
        let run = try CallPrepBinary.run(["brief", Self.meeting, "-o", "new.md"], in: folder, timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.mode(folder.appendingPathComponent("new.md")) == 0o666 & ~(try Self.umask()))
    }

    struct Refused: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable (URL) throws -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let refused: [Refused] = [
        .init(name: "a dangling link", make: { #expect(symlink("nowhere.md", $0.path) == 0) },
              reason: "a symbolic link to nothing (dangling)"),
        .init(name: "a link loop", make: { #expect(symlink($0.lastPathComponent, $0.path) == 0) }, reason: "a symbolic link loop"),
        .init(name: "a folder", make: { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) },
              reason: "it is a folder"),
    ]

    @Test("--force onto a dangling link, a link loop or a folder is refused, and it stays as it was",
          arguments: refused)
    func whatCannotBeWrittenIsRefused(_ testCase: Refused) throws {
        let folder = try ReliabilityTests.workspace()
        let output = folder.appendingPathComponent("out.md")
        try testCase.make(output)
        let kindBefore = Self.kind(output)
        for force in [false, true] {
            let run = try CallPrepBinary.run(["brief", Self.meeting, "-o", "out.md"] + (force ? ["--force"] : []),
                                             in: folder, timeout: 30)
            #expect(run.status == 1)
            #expect(run.stderr == "out.md:1:1: error: cannot write the file: \(testCase.reason)\n")
            #expect(Self.kind(output) == kindBefore)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere.md").path))
        #expect(try Self.leftovers(folder) == [])
    }

    // MARK: 10. A symlinked index

    @Test("ingest --rebuild through a symlinked index rebuilds the file it leads to and keeps the link")
    func rebuildThroughALinkKeepsTheLink() throws {
        let folder = try ReliabilityTests.workspace()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("store"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".callprep"), withIntermediateDirectories: true)
        let link = folder.appendingPathComponent(IndexStore.defaultPath)
        let real = folder.appendingPathComponent("store/team.sqlite")
        #expect(symlink("../store/team.sqlite", link.path) == 0)
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder, timeout: 30).status == 0)
        #expect(Self.kind(real) == S_IFREG, "the first ingest created the file the link leads to")

        let rebuilt = try CallPrepBinary.run(["ingest", "--rebuild", "debriefs"], in: folder, timeout: 30)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(Self.kind(link) == S_IFLNK, "the link is still a link")
        #expect(Self.kind(real) == S_IFREG)
        #expect(try IndexStore(path: real.path, create: false).records().count == 1)
        #expect(!FileManager.default.fileExists(atPath: real.path + ".rebuild"))
        let report = try CallPrepBinary.run(["report", "--format", "csv"], in: folder, timeout: 30)
        #expect(report.status == 0 && report.stdout.contains("Dana Whitfield"), "\(report.stderr)")
    }

    // MARK: 16. init checks every file before writing any

    struct InitObstacle: CustomTestStringConvertible, Sendable {
        let name: String
        /// Puts something in the workspace folder; returns the path (relative) that the error names.
        let make: @Sendable (URL) throws -> String
        var testDescription: String { name }
    }

    static let initObstacles: [InitObstacle] = [
        .init(name: "a dangling link where .gitignore goes, the last file written") { folder in
            #expect(symlink("nowhere", folder.appendingPathComponent(".gitignore").path) == 0)
            return ".gitignore"
        },
        .init(name: "a dangling link where a template goes") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
            #expect(symlink("nowhere", folder.appendingPathComponent("templates/\(TemplateSet.names[TemplateSet.names.count - 1])").path) == 0)
            return "templates/\(TemplateSet.names[TemplateSet.names.count - 1])"
        },
        .init(name: "a link loop where the example debrief goes") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("debriefs"), withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("debriefs/northwind-2026-11-26.md")
            #expect(symlink(path.lastPathComponent, path.path) == 0)
            return "debriefs/northwind-2026-11-26.md"
        },
        .init(name: "a file where the meetings folder goes") { folder in
            try "".write(to: folder.appendingPathComponent("meetings"), atomically: false, encoding: .utf8)
            return "meetings"
        },
        .init(name: "a dangling link where the debriefs folder goes") { folder in
            #expect(symlink("gone", folder.appendingPathComponent("debriefs").path) == 0)
            return "debriefs"
        },
    ]

    @Test("init over a dangling link or a file in a folder's place writes nothing and suggests no --force",
          arguments: initObstacles)
    func initWritesNothingWhenAnyPathIsTaken(_ obstacle: InitObstacle) throws {
        let parent = try TestSupport.temporaryFolder()
        let folder = parent.appendingPathComponent("ws")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let named = try obstacle.make(folder)
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let run = try CallPrepBinary.run(["init", "ws", "--templates"], in: parent, timeout: 30)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("ws/\(named):1:1: error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("--force"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before, "nothing written")
    }

    // MARK: 17. An ingest while ingest --rebuild runs

    @Test("an ingest that starts while ingest --rebuild runs waits its turn, then writes into the new index")
    func ingestDuringARebuildTakesItsTurn() throws {
        let folder = try ReliabilityTests.workspace()
        try IndexSupport.writeCorpus(300, seed: 17, into: folder)
        // A debrief outside the folder being rebuilt: the waiting ingest has something of its own to write.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try TestSupport.read(folder.appendingPathComponent(ReliabilityTests.debrief))
            .replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"northwind-extra\"")
            .write(to: folder.appendingPathComponent("extra/late.md"), atomically: true, encoding: .utf8)
        // An index to rebuild (of one debrief: the rebuild is what must take long).
        #expect(try CallPrepBinary.run(["ingest", ReliabilityTests.debrief], in: folder, timeout: 50).status == 0)

        let index = folder.appendingPathComponent(IndexStore.defaultPath)
        let results = ReliabilityTests.Results()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            results.add((try? CallPrepBinary.run(["ingest", "--rebuild", "debriefs"], in: folder, timeout: 50))
                .map { ($0.status, "rebuild: " + $0.stderr) })
            group.leave()
        }
        // The rebuild's new index appears beside the old one while it runs.
        let deadline = Date().addingTimeInterval(40)
        while !FileManager.default.fileExists(atPath: index.path + ".rebuild"), Date() < deadline { usleep(5_000) }
        let sawRebuild = FileManager.default.fileExists(atPath: index.path + ".rebuild")
        let ingest = try CallPrepBinary.run(["ingest", "extra"], in: folder, timeout: 50)
        group.wait()

        #expect(sawRebuild, "the ingest started while the rebuild ran")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stderr.contains("readonly"))
        #expect(ingest.stdout.contains("Indexed 1 new"), "\(ingest.stdout)")
        #expect(results.all.count == 1)
        for result in results.all { #expect(result?.0 == 0, "\(String(describing: result))") }
        // Whole: every debrief of the rebuild, and the one the waiting ingest added.
        let records = try IndexStore(path: index.path, create: false).records()
        #expect(records.count == 302)
        #expect(records.contains { $0.meeting.id == "northwind-extra" })
        #expect(!FileManager.default.fileExists(atPath: index.path + ".rebuild"))
    }
}
