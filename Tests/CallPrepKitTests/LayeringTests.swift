import Foundation
import Testing

/// The rule of Sources/CallPrepKit/README.md: the library's folders follow the pipeline, and a
/// folder uses only the folders before it. Read from the source text, so that a back edge fails
/// here, with its file and name, before it is built upon.
@Suite("The library's folders follow the pipeline")
struct LayeringTests {
    /// The pipeline, in order. Generated/ holds data only and ranks with Support/; Form/ is the
    /// debrief form's contract, which Render/ writes and Parse/ reads.
    static let order = ["Support", "Generated", "Form", "Files", "YAML", "Calendar", "Process", "Meeting", "Render", "Markdown", "Parse",
                        "Evidence", "Score", "Store", "Report", "Output", "Workspace"]

    /// The only folders that may import each library (Foundation and the C library of the
    /// platform anywhere).
    static let imports: [String: Set<String>] = [
        "CCmarkGFM": ["Markdown"], "CLibical": ["Calendar"], "CStemmer": ["Evidence"], "GRDB": ["Store"], "Mustache": ["Render"],
        "Yams": ["YAML", "Process", "Meeting", "Parse"], "PostgresNIO": ["Store"], "NIOCore": ["Store"], "NIOPosix": ["Store"],
        "NIOSSL": ["Store"], "Logging": ["Store"],
    ]

    /// Folders that must stay pure: no file I/O.
    static let pure: Set<String> = ["Score", "Report"]

    /// Code only some places may hold: a debrief is judged only through `Score/` (its deal
    /// histories, so that every command judges it with the meeting files' facts, in one order),
    /// and the index is opened only where a reading command brings it up to date first
    /// (IndexReading.swift) or `ingest` writes it, and written only through the index protocol;
    /// PostgresNIO is imported only by the team index's own files (Store/Postgres*.swift), and the
    /// team index opened where the SQLite one is, and by `callprep index` (TeamIndexRun.swift).
    static let owned: [(pattern: String, places: [String], what: String)] = [
        (#"\bScorer\b"#, ["Score/"], "names Scorer outside Score/ (use DealHistories)"),
        (#"\bIndexStore\("#, ["Store/", "Workspace/IndexReading.swift", "Workspace/IngestRun.swift"],
         "opens the index outside IndexReading.swift and IngestRun.swift (use currentIndex)"),
        (#"\bIndexWriter\b"#, ["Store/"], "names IndexWriter outside Store/ (use DebriefIndexWriter)"),
        (#"\bPostgresStore\("#, ["Store/", "Workspace/IndexReading.swift", "Workspace/TeamIndexRun.swift"],
         "opens the team index outside IndexReading.swift and TeamIndexRun.swift (use currentIndex)"),
        (#"\bPostgresWriter\b"#, ["Store/"], "names PostgresWriter outside Store/ (use DebriefIndexWriter)"),
        (#"(?m)^import +(PostgresNIO|NIO\w*)\b"#, ["Store/Postgres"], "imports PostgresNIO outside Store/Postgres*.swift"),
    ]

    struct SourceText {
        let path: String
        let folder: String
        /// The text without comments and string literals.
        let code: String
    }

    static let library = TestSupport.root.appendingPathComponent("Sources/CallPrepKit")

    static func sources() throws -> [SourceText] {
        let files = FileManager.default.enumerator(atPath: library.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { relative in
            let text = try String(contentsOf: library.appendingPathComponent(relative), encoding: .utf8)
            return SourceText(path: relative, folder: String(relative.prefix { $0 != "/" }), code: stripped(text))
        }
    }

    /// `text` without multi-line strings, comments and one-line strings, roughly but enough for
    /// names: what is left is code.
    static func stripped(_ text: String) -> String {
        var code = text
        for pattern in [##"#*"""[\s\S]*?"""#*"##, #"//[^\n]*"#, #""(?:\\.|[^"\\\n])*""#] {
            code = code.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return code
    }

    /// Names declared at the top level of a file (types and functions), with their folder's place.
    static func declarations(_ sources: [SourceText]) throws -> [String: Int] {
        let declaration = try NSRegularExpression(
            pattern: #"^(?:public |internal |package )?(?:final )?(?:struct|enum|class|protocol|typealias|actor|func) +(\w+)"#,
            options: .anchorsMatchLines)
        var places: [String: Int] = [:]
        for source in sources {
            guard let place = order.firstIndex(of: source.folder) else { continue }
            let range = NSRange(source.code.startIndex..., in: source.code)
            for match in declaration.matches(in: source.code, range: range) {
                guard let name = Range(match.range(at: 1), in: source.code).map({ String(source.code[$0]) }) else {
                    continue
                }
                places[name] = min(places[name] ?? .max, place)
            }
        }
        return places
    }

    static func names(in code: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        for character in code.unicodeScalars {
            if character == "_" || CharacterSet.alphanumerics.contains(character) {
                current.unicodeScalars.append(character)
            } else if !current.isEmpty {
                names.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { names.insert(current) }
        return names
    }

    /// Every way `sources` break the rule, one line each.
    static func violations(_ sources: [SourceText]) throws -> [String] {
        let places = try declarations(sources)
        var found: [String] = []
        for source in sources {
            guard let place = order.firstIndex(of: source.folder) else {
                found.append("\(source.path): the folder \(source.folder) has no place in the pipeline")
                continue
            }
            for line in source.code.split(separator: "\n") where line.hasPrefix("import ") {
                let module = line.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
                if let allowed = imports[module], !allowed.contains(source.folder) {
                    found.append("\(source.path): imports \(module), which only \(allowed.sorted().joined(separator: ", ")) may")
                }
            }
            for rule in owned where !rule.places.contains(where: source.path.hasPrefix)
                && source.code.range(of: rule.pattern, options: .regularExpression) != nil {
                found.append("\(source.path): \(rule.what)")
            }
            let used = names(in: source.code)
            for name in used.sorted() {
                if let declared = places[name], declared > place {
                    found.append("\(source.path): names \(name), which the later folder \(order[declared]) declares")
                }
                if pure.contains(source.folder),
                   places[name] == order.firstIndex(of: "Files") || ["FileManager", "FileHandle", "ProcessCatalog"].contains(name) {
                    found.append("\(source.path): names \(name): \(source.folder) is pure, with no file I/O")
                }
            }
        }
        return found
    }

    @Test func everyFolderUsesOnlyTheFoldersBeforeIt() throws {
        let sources = try Self.sources()
        #expect(sources.count > 50)
        #expect(Set(sources.map(\.folder)) == Set(Self.order))
        let violations = try Self.violations(sources)
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    /// The test itself: a back edge, an import out of place and I/O in a pure folder are each found.
    @Test(arguments: [
        ("Process/Extra.swift", "func f() { _ = Scorer.self }", "names Scorer, which the later folder Score declares"),
        ("Render/Extra.swift", "import GRDB", "imports GRDB, which only Store may"),
        ("Score/Extra.swift", "import CStemmer", "imports CStemmer, which only Evidence may"),
        ("Evidence/Extra.swift", "func f() { _ = Scorer.self }", "names Scorer, which the later folder Score declares"),
        ("Score/Extra.swift", "func f() { _ = try? SourceFile.read(\"x\") }", "names SourceFile: Score is pure"),
        ("Report/Extra.swift", "func f() { _ = FileManager.default }", "names FileManager: Report is pure"),
        ("Workspace/Extra.swift", "func f(p: SalesProcess) { _ = Scorer(process: p) }", "names Scorer outside Score/"),
        ("Workspace/Extra.swift", "func f() { _ = try? IndexStore(path: \"x\") }", "opens the index outside IndexReading.swift"),
        ("Report/Extra.swift", "import PostgresNIO", "imports PostgresNIO, which only Store may"),
        ("Store/Extra.swift", "import PostgresNIO", "imports PostgresNIO outside Store/Postgres*.swift"),
        ("Workspace/Extra.swift", "func f(a: TeamIndexAddress) { _ = try? PostgresStore(address: a) }",
         "opens the team index outside IndexReading.swift"),
    ])
    func aBackEdgeIsFound(path: String, code: String, expected: String) throws {
        let added = SourceText(path: path, folder: String(path.prefix { $0 != "/" }), code: Self.stripped(code))
        let violations = try Self.violations(try Self.sources() + [added])
        #expect(violations.contains { $0.hasPrefix(path) && $0.contains(expected) }, "\(violations)")
    }

    @Test func noHandWrittenFileIsLongerThanFourHundredLines() throws {
        for source in try Self.sources() where source.folder != "Generated" {
            let lines = try String(contentsOf: Self.library.appendingPathComponent(source.path), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines <= 400, "\(source.path) has \(lines) lines")
        }
    }
}
