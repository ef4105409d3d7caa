import Foundation
import Testing
@testable import CallPrepKit

/// Issue 22, items 5 and 6: Markdown on which Debian's cmark-gfm 0.29.0.gfm.6 takes quadratic time,
/// and YAML whose aliases multiply what is read after loading. Each runs the built binary under a
/// timeout, so that a regression fails instead of hanging CI (docs/limits.md has the measurements).
@Suite("Hostile shapes", .serialized, .hangGuard)
struct HostileShapeTests {
    static let frontMatter = "---\nform: \"callprep.debrief-form/1\"\nmeeting: m1\ndate: 2026-11-26\nprocess: b2b\nstage: discover\n---\n"

    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        /// The diagnostic `callprep parse` must print, without the file name; nil when the shape is accepted.
        let error: String?
        var testDescription: String { name }
    }

    /// Each refused shape at the size that took seconds before the screen, and the worst version the
    /// screen accepts. Line numbers count the 7 lines of front matter.
    static let shapes: [Shape] = [
        .init(name: "![[]() repeated, 485 KB (24 s before)", body: String(repeating: "![[]()", count: 80_000),
              error: "8:601: error: more than 100 '![' in one paragraph; put a blank line between them or escape them (`\\![`)"),
        .init(name: "100 ![ in a paragraph, then 1 MiB of links", body: String(repeating: "![", count: 100)
                  + String(repeating: "[]()", count: 250_000), error: nil),
        .init(name: "www.a_ repeated, 200 KB (28 s before)", body: String(repeating: "www.a_", count: 33_000),
              error: "8:1: error: too many 'www.' or '@' inside long words; put spaces between web and e-mail addresses"),
        .init(name: "_www. repeated in one word", body: String(repeating: "_www.", count: 40_000),
              // `_` after `.` may open emphasis: that limit comes first here.
              error: "8:2501: error: more than 500 runs of '*', '_' or '~' in one paragraph; put a blank line between paragraphs or escape them (`\\*`)"),
        .init(name: "two www. in every word", body: String(repeating: "www.a.www.b.com ", count: 65_000), error: nil),
        .init(name: "www.www. then a word of 1 MiB", body: "www.www." + String(repeating: "a", count: 1_047_800), error: nil),
        .init(name: "a@b. repeated in one word, 1 MiB (7.7 s before)", body: String(repeating: "a@b.", count: 260_000),
              error: "8:2: error: too many 'www.' or '@' inside long words; put spaces between web and e-mail addresses"),
        .init(name: "a@b. repeated in lines of 400 bytes", body: String(repeating: String(repeating: "a@b.", count: 100) + "\n", count: 2_600),
              error: "61:2: error: too many 'www.' or '@' inside long words; put spaces between web and e-mail addresses"),
        .init(name: "e-mail addresses filling 1 MiB", body: String(repeating: "dana.whitfield+crm@brightline.example ", count: 27_000), error: nil),
        .init(name: "a table row of 50,000 pipes (6.5 s a row before)",
              body: "| a | b |\n| --- | --- |\n" + String(repeating: "|", count: 50_000) + "\n",
              error: "10:1: error: a table row (or a line above a table's delimiter row) of 50000 pipes; at most 128 are read"),
        .init(name: "a header row of 50,000 pipes", body: String(repeating: "|", count: 50_000) + "\n|---|\n",
              error: "8:1: error: a table row (or a line above a table's delimiter row) of 50000 pipes; at most 128 are read"),
        .init(name: "rows of 128 pipes", body: "|a|\n|-|\n" + String(repeating: String(repeating: "|", count: 128) + "\n", count: 380),
              error: nil),
        .init(name: "delimiter rows that start no table, each rereading the lines above (20 s for 50 KB before)",
              body: "a\n" + String(repeating: "-|-\n-|-|-\n", count: 5_000),
              error: "656:1: error: too many lines that look like a table's delimiter row (`|---|`) without a blank line before them; put a blank line before each table"),
        .init(name: "*a then _a*_ repeated (issue 389 of cmark)", body: String(repeating: "*a ", count: 40_000) + String(repeating: "_a*_ ", count: 40_000),
              error: "8:1501: error: more than 500 runs of '*', '_' or '~' in one paragraph; put a blank line between paragraphs or escape them (`\\*`)"),
        .init(name: "500 emphasis runs in every paragraph, filling 1 MiB",
              body: String(repeating: String(repeating: "*a ", count: 500) + "\n\n", count: 690), error: nil),
        .init(name: "tables of more than 100,000 cells in one file",
              body: String(repeating: "|a|b|c|d|e|\n|-|-|-|-|-|\n" + String(repeating: "|a|b|c|d|e|\n", count: 9_000) + "\n", count: 3),
              error: "20010:1: error: more than 100000 table cells in one file; at most that many are read"),
        .init(name: "<![CDATA[ that never closes opens an image", body: "a" + String(repeating: " <![CDATA[", count: 200),
              error: "8:1004: error: more than 100 '![' in one paragraph; put a blank line between them or escape them (`\\![`)"),
        .init(name: "snake_case and list markers are not emphasis",
              body: String(repeating: "* call_back the customer_id owner\n", count: 2_000), error: nil),
    ]

    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path)
        return folder
    }

    @Test("a shape cmark-gfm is slow on is refused at its place, and the worst accepted one parses", arguments: shapes)
    func markdownShape(_ shape: Shape) throws {
        let folder = try Self.workspace()
        let file = "debriefs/shape.md"
        try (Self.frontMatter + shape.body).write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let started = Date()
        let run = try CallPrepBinary.run(["parse", file], in: folder, timeout: 30)
        #expect(run.status != 137, "killed by the timeout")
        if let error = shape.error {
            #expect(run.status == 1)
            #expect(run.stderr == "\(file):\(error)\n")
            // The screen is one pass: refusing takes no time.
            #expect(Date().timeIntervalSince(started) < 5)
        } else {
            #expect(run.status == 0, "\(run.stderr.prefix(300))")
            #expect(!run.stderr.contains("error:"))
        }
    }

    @Test("the bundled and fixture debriefs pass the screens")
    func realDebriefsPass() throws {
        var files = [TestSupport.root.appendingPathComponent("templates/examples/northwind-2026-11-26-debrief.md")]
        let fixtures = try #require(FileManager.default.enumerator(atPath: TestSupport.fixtures.path))
        for case let name as String in fixtures where name.hasSuffix(".md") {
            files.append(TestSupport.fixtures.appendingPathComponent(name))
        }
        #expect(files.count > 1)
        for file in files {
            let problem = MarkdownLimits.check(FrontMatter.split(try TestSupport.read(file)).body)
            #expect(problem == nil, "\(file.lastPathComponent): \(String(describing: problem))")
        }
    }

    // MARK: Item 6: YAML aliases

    /// The meeting of `callprep init` with a 10 KB pain that `count` aliases repeat.
    static func aliasedPains(_ count: Int) -> String {
        let pain = "  - &pain\n    problem: " + String(repeating: "Late deliveries cost us accounts. ", count: 300) + "\n"
        return BuiltinFiles.all["examples/northwind-discovery.yaml"].map { meeting in
            let head = meeting.components(separatedBy: "pains:\n")[0]
            return head + "pains:\n" + pain + String(repeating: "  - *pain\n", count: count)
        } ?? ""
    }

    @Test("a meeting that aliases one pain 240,000 times is refused at the alias that passes the limit, by brief and form")
    func aliasedPainsAreRefused() throws {
        let folder = try Self.workspace()
        let meeting = Self.aliasedPains(70_000)
        #expect(meeting.utf8.count > 700_000 && meeting.utf8.count < 1 << 20)
        try meeting.write(to: folder.appendingPathComponent("meetings/aliased.yaml"), atomically: true, encoding: .utf8)
        // The pain counts 10,209 bytes (its text, a byte for each node); with the rest of the
        // meeting, the 102nd alias passes 1 MiB.
        let line = meeting.components(separatedBy: "\n").firstIndex(of: "  - *pain").map { $0 + 1 } ?? 0
        for command in ["brief", "form"] {
            let run = try CallPrepBinary.run([command, "meetings/aliased.yaml"], in: folder, timeout: 30)
            #expect(run.status == 1, "\(command)")
            let message = try #require(run.stderr.split(separator: "\n").first.map(String.init), "\(command)")
            #expect(message.hasPrefix("meetings/aliased.yaml:\(line + 101):5: error: the alias '*pain' repeats its anchor until "
                                      + "the document holds more than 1048576 bytes with its aliases expanded"), "\(command): \(message)")
        }
    }

    @Test("a few aliases of a pain still load, and brief lists each")
    func fewAliasesLoad() throws {
        let folder = try Self.workspace()
        try Self.aliasedPains(20).write(to: folder.appendingPathComponent("meetings/aliased.yaml"), atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(["brief", "meetings/aliased.yaml", "-o", "-"], in: folder, timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "Late deliveries cost us accounts. Late").count > 21)
    }

    struct AliasedFile: CustomTestStringConvertible, Sendable {
        let name: String
        let path: String
        let text: String
        let arguments: [String]
        let location: String
        var testDescription: String { name }
    }

    /// An alias bomb (each level nine aliases of the one before) in each kind of YAML callprep reads.
    static func bomb(key: String) -> String {
        var text = "\(key)0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...10 {
            text += "\(key)\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static let aliasedFiles: [AliasedFile] = [
        .init(name: "a process file", path: "process.yaml", text: bomb(key: "x") + "id: bomb\nversion: 1\ntitle: T\nstages: *a10\n",
              arguments: ["check", "process.yaml"], location: "6:25"),
        .init(name: "a meeting file", path: "meetings/bomb.yaml", text: bomb(key: "y") + "date: 2026-11-26\naccount: A\nrep: R\n",
              arguments: ["brief", "meetings/bomb.yaml"], location: "6:25"),
        .init(name: "a debrief's front matter", path: "debriefs/bomb.md",
              text: "---\n" + bomb(key: "z") + "form: \"callprep.debrief-form/1\"\n---\n\n# Debrief\n",
              arguments: ["parse", "debriefs/bomb.md"], location: "7:25"),
    ]

    @Test("aliases are bounded the same in process files, meeting files and front matter", arguments: aliasedFiles)
    func aliasBombs(_ file: AliasedFile) throws {
        let folder = try Self.workspace()
        try file.text.write(to: folder.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(file.arguments, in: folder, timeout: 30)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(file.path):\(file.location): error: the alias '*a4' repeats its anchor"), "\(run.stderr)")
    }

    @Test("the expanded size is counted once per anchor, so a deep bomb costs what its text costs",
          arguments: [(1_000, 3), (2_000_000, 7)])
    func expansionIsCountedNotDone(limit: Int, line: Int) {
        // 9^30 items if expanded.
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...30 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let overflow = AliasExpansion.firstOverflow(in: text, limit: limit)
        // The levels weigh 19, 172, 1,549… bytes: the first alias past the limit is of the level
        // two above the line's.
        #expect(overflow?.alias == "a\(line - 2)")
        #expect(overflow?.line == line)
    }
}
