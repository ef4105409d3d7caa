import Foundation
import GRDB
import Testing
@testable import CallPrepKit

/// What makes long runs fast (BENCHMARKS.md) must not change what they produce: streamed scoring,
/// output written a piece at a time, index schema v2, and ingest trusting a file's size and time.
@Suite("Long runs", .serialized)
struct LongRunTests {
    private static func parser() throws -> (DebriefParser, ProcessCatalog) {
        let workspace = try TestSupport.workspace()
        return (try workspace.parser(), workspace.catalog)
    }

    /// What `callprep score --format json` writes for `paths`, through the streaming run.
    private static func streamedJSON(_ paths: [String]) throws -> String {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("cards.json").path
        let outcome = try TestSupport.workspace().score(paths, format: .json, minScore: nil, maxBytes: 1 << 20,
                                                        color: false, to: OutputTarget(path: output), report: { _ in })
        #expect(!outcome.failed)
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    /// `cards` as a JSON array, as `--format json` writes a list.
    private static func json(_ cards: [Scorecard]) -> String {
        var reporter = JSONReporter<Scorecard>(list: true)
        return reporter.start + cards.map { reporter.add($0, rendered: reporter.render($0)) }.joined() + reporter.end
    }

    /// One deal of many calls writes no more per call than the same calls spread over many deals:
    /// a scorecard's history is a summary, not the list of every earlier debrief (bytes, not seconds).
    @Test func oneLongDealWritesAsMuchPerCallAsManyShortOnes() throws {
        func outputSize(callsPerOpportunity: Int) throws -> Int {
            let folder = try TestSupport.temporaryFolder()
            try IndexSupport.writeCorpus(300, seed: 4, into: folder, callsPerOpportunity: callsPerOpportunity)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("debriefs").path)
                .sorted().map { folder.appendingPathComponent("debriefs/\($0)").path }
            return try Self.streamedJSON(files).utf8.count
        }
        let long = try outputSize(callsPerOpportunity: 300)
        let short = try outputSize(callsPerOpportunity: 5)
        #expect(Double(long) <= 1.5 * Double(short), "one deal: \(long) bytes; 60 deals: \(short) bytes")
    }

    /// Paths by the hundred, as a shell glob gives them, are taken around ArgumentParser and keep
    /// their place among the other arguments; `--files-from` reads a list. All give what the folder gives.
    @Test func manyPathsAndFileListsScoreAsTheirFolder() throws {
        let folder = try TestSupport.temporaryFolder()
        try IndexSupport.writeCorpus(150, seed: 6, into: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("debriefs").path)
            .sorted().map { "debriefs/\($0)" }
        let byFolder = try CallPrepBinary.run(["score", "--format", "json", "--no-history", "debriefs"], in: folder)
        #expect(byFolder.status == 0 && byFolder.stdout.count > 1000)
        let byPaths = try CallPrepBinary.run(["score", "--format", "json"] + names + ["--no-history"], in: folder)
        #expect(byPaths.stdout == byFolder.stdout, "\(byPaths.stderr)")
        let listed = try CallPrepBinary.run(["score", "--format", "json", "--no-history", "--files-from", "-"], in: folder,
                                            stdin: names.joined(separator: "\n") + "\n")
        #expect(listed.stdout == byFolder.stdout, "\(listed.stderr)")
        // The run keeps its place: a file named before it stays first.
        let ordered = try CallPrepBinary.run(["parse", names[149]] + names.prefix(149), in: folder)
        let sources = try JSONDecoder().decode([DebriefRecord].self, from: Data(ordered.stdout.utf8)).map(\.source)
        #expect(sources == [names[149]] + names.prefix(149))
    }

    @Test func streamedScoringMatchesScoringEveryRecordAtOnceInAnyOrder() throws {
        let folder = try TestSupport.temporaryFolder()
        // More than two batches, with opportunities of several calls.
        try IndexSupport.writeCorpus(150, seed: 3, into: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("debriefs").path)
            .sorted().map { folder.appendingPathComponent("debriefs/\($0)").path }
        let (parser, catalog) = try Self.parser()
        // Sorted (dates ascending), reversed, and mixed: the i-th file goes to place 37 i mod 150.
        let mixed = files.indices.sorted { ($0 * 37) % files.count < ($1 * 37) % files.count }.map { files[$0] }
        for order in [files, files.reversed(), mixed] {
            let records = order.compactMap { parser.parse(path: $0).record }
            #expect(records.count == 150)
            #expect(try Self.streamedJSON(order) == Self.json(DealHistories(process: catalog.lookup).scorecards(records)))
        }
        // The case the streaming has to work for: history that comes later in the list.
        let reversed = files.reversed().compactMap { parser.parse(path: $0).record }
        #expect(DealHistories(process: catalog.lookup).scorecards(reversed).filter { $0.history != nil }.count > 50)
    }

    @Test func jsonWrittenAnElementAtATimeIsWhatTheEncoderWrites() throws {
        let (parser, _) = try Self.parser()
        let record = try #require(parser.parse(SourceFile(path: "filled.md", text: TestSupport.read(ParseSupport.filled))).record)
        var empty = record
        empty.items = []
        empty.people = []
        for records in [[], [record], [record, empty, record]] {
            var reporter = JSONReporter<DebriefRecord>(list: true)
            let pieces = records.map { reporter.add($0, rendered: reporter.render($0)) }
            #expect(reporter.start + pieces.joined() + reporter.end == TestSupport.json(records))
        }
    }

    /// Values that reach every path of `JSONWriter`: escapes, numbers, empty containers, absent
    /// optionals, raw-value enums, nested containers and a super encoder.
    private struct Awkward: Encodable {
        enum Shade: String, Encodable { case light, dark }
        struct Empty: Encodable {}
        var text = "q\" b\\ s/ \u{8}\u{c}\n\r\t \u{1}\u{1f}\u{7f}\u{9b}\u{a0} é \u{2028} 😀"
        var numbers = [0, -16, Int.max]
        var doubles = [1.0, 0.5, -2.0, 100.0, 0.1, 1e20, 1.0 / 3.0, 1e-7, 5e15, 1e16]
        var flags = [true, false]
        var nothing: String?
        var nulls: [Int?] = [nil, 3]
        var empty: [String] = []
        var emptyObject = Empty()
        var shade = Shade.dark
        var keys = ["b": 1, "B": 2, "a10": 1, "a9": 2, "_x": 3, "Z": 4, "a_b": 5, "aB": 6, "ab": 7]

        enum Keys: String, CodingKey { case text, numbers, doubles, flags, nothing, nulls, empty, emptyObject, shade, keys, nested }
        enum Nested: String, CodingKey { case inner, list }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(text, forKey: .text)
            try container.encode(numbers, forKey: .numbers)
            try container.encode(doubles, forKey: .doubles)
            try container.encode(flags, forKey: .flags)
            try container.encodeIfPresent(nothing, forKey: .nothing)
            try container.encode(nulls, forKey: .nulls)
            try container.encode(empty, forKey: .empty)
            try container.encode(emptyObject, forKey: .emptyObject)
            try container.encode(shade, forKey: .shade)
            try container.encode(keys, forKey: .keys)
            var nested = container.nestedContainer(keyedBy: Nested.self, forKey: .nested)
            try nested.encode("in", forKey: .inner)
            var list = nested.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1.5)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(Shade.light)
            try shade.encode(to: container.superEncoder())
        }
    }

    @Test func jsonIsByteForByteWhatFoundationWrites() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func expectSame(_ value: some Encodable, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            // Beyond Foundation, DEL and the C1 controls are escaped too (docs/limits.md).
            let expected = (String(decoding: try foundation.encode(value), as: UTF8.self) + "\n")
                .replacingOccurrences(of: "\u{7f}", with: "\\u007f").replacingOccurrences(of: "\u{9b}", with: "\\u009b")
            #expect(TestSupport.json(value) == expected, sourceLocation: sourceLocation)
        }
        try expectSame(Awkward())
        try expectSame([Awkward(), Awkward()])
        let cards = try ScoringSupport.scorecards(["scoring/manager-overrides.md", "scoring/stage-ahead.md",
                                                   "scoring/meddpicc-validate.md"])
        try expectSame(cards)
        let (parser, _) = try Self.parser()
        try expectSame(try #require(parser.parse(SourceFile(path: "filled.md", text: TestSupport.read(ParseSupport.filled))).record))
    }

    @Test func scoreAndParseTakeAFolderAsTheFilesInIt() throws {
        let folder = try TestSupport.temporaryFolder()
        try IndexSupport.writeCorpus(12, seed: 5, into: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("debriefs").path)
            .sorted().map { "debriefs/\($0)" }
        for command in [["score", "--format", "csv"], ["parse"]] {
            let fromFolder = try CallPrepBinary.run(command + ["debriefs"], in: folder)
            let fromFiles = try CallPrepBinary.run(command + files, in: folder)
            #expect(fromFolder.status == 0 && fromFolder.stderr.isEmpty)
            #expect(fromFolder.stdout == fromFiles.stdout && fromFolder.stdout.contains("debriefs/"))
        }
        // A folder with no debriefs in it says so, rather than printing nothing.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try CallPrepBinary.run(["score", "--format", "json", "empty"], in: folder)
        #expect(empty.status == 0 && empty.stdout == "[\n\n]\n")
        #expect(empty.stderr == "empty:1:1: warning: no debrief forms in this folder (Markdown files whose front matter "
            + "has form: callprep.debrief-form/…)\n")
    }

    @Test func anIndexOfSchemaOneKeepsItsDebriefsWhenOpened() throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("v1.sqlite").path
        let (parser, _) = try Self.parser()
        let record = try #require(parser.parse(SourceFile(path: "debriefs/filled.md",
                                                          text: TestSupport.read(ParseSupport.filled))).record)
        let queue = try DatabaseQueue(path: path)
        try IndexStore.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO debrief (path, contentHash, meetingID, date, rep, stage, processID, processVersion, record,
                                     score)
                VALUES (?, 'abc', ?, ?, ?, ?, ?, ?, ?, 40)
                """, arguments: [record.source, record.meeting.id, record.meeting.date, record.meeting.rep,
                                 record.meeting.stage, record.process.id, record.process.version,
                                 TestSupport.json(record)])
            try db.execute(sql: """
                INSERT INTO itemStatus (path, item, kind, status, weight) VALUES (?, 'pain-confirmed', 'milestone', 'met', 1)
                """, arguments: [record.source])
            try db.execute(sql: #"INSERT INTO finding (path, "check", message) VALUES (?, 'stage-ahead-of-evidence', 'x')"#,
                           arguments: [record.source])
        }
        try queue.close()

        let store = try IndexStore(path: path)
        #expect(try store.records() == [record])
        try store.queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT rep, processID, date FROM itemStatus"))
            #expect(row[0] as String? == record.meeting.rep && row[1] == record.process.id && row[2] == record.meeting.date)
            #expect(try Int.fetchOne(db, sql: "SELECT aheadOfEvidence FROM debrief") == 1)
        }
        let catalog = try ProcessCatalog(explicit: nil, workspace: folder.path)
        let report = try store.teamReport(ReportFilter(), process: catalog.lookup)
        #expect(report.debriefs == 1 && report.averageScore == 40)
        #expect(report.milestones.map(\.id) == ["pain-confirmed"] && report.milestones.first?.met == 1)
    }

    @Test func ingestReadsAFileOnlyWhenItsSizeOrTimeChanged() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        let index = folder.appendingPathComponent("index.sqlite").path
        let now = Date().timeIntervalSince1970
        func setModified(_ path: String, at time: TimeInterval) {
            let when = timeval(tv_sec: Int(time), tv_usec: Int((time - time.rounded(.down)) * 1_000_000))
            _ = utimes(path, [when, when])
        }
        func trustedTimes() throws -> Int {
            try IndexStore(path: index).queue.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(fileModified) FROM debrief") ?? 0
            }
        }
        // Absolute paths: the other suites' tests change the working folder while these run.
        let debriefs = folder.appendingPathComponent("debriefs").path
        let files = try FileManager.default.contentsOfDirectory(atPath: debriefs).map { debriefs + "/" + $0 }
        for file in files { setModified(file, at: now) }
        _ = try IndexSupport.ingester(index).ingest([debriefs]) { _ in }
        // Changed just now: the same size and time could hide a second change, so no time is trusted.
        #expect(try trustedTimes() == 0)

        for file in files { setModified(file, at: now - 3600) }
        let again = try IndexSupport.ingester(index).ingest([debriefs]) { _ in }
        #expect(!again.changed && again.unchanged == 5)
        #expect(try trustedTimes() == 5)

        // Same size, same time: taken as unchanged without reading (as make and git do).
        let changed = debriefs + "/stage-ahead.md"
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try text.replacingOccurrences(of: "Score (0 to 100): 85", with: "Score (0 to 100): 40")
            .write(toFile: changed, atomically: false, encoding: .utf8)
        setModified(changed, at: now - 3600)
        #expect(try IndexSupport.ingester(index).ingest([debriefs]) { _ in }.unchanged == 5)
        // A new time: read, found changed, indexed.
        setModified(changed, at: now - 60)
        let touched = try IndexSupport.ingester(index).ingest([debriefs]) { _ in }
        #expect(touched.updated == [changed] && touched.unchanged == 4)
        #expect(try IndexStore(path: index).records().first { $0.source == changed }?.selfAssessment.score == 40)
    }
}
