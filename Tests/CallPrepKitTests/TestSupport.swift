import Foundation
import Testing
@testable import CallPrepKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository's top folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/CallPrepKitTests/Fixtures")

    static func fixture(_ path: String) -> URL {
        fixtures.appendingPathComponent(path)
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Compares `actual` with a golden file; `CALLPREP_RECORD=1` rewrites the golden file instead.
    static func expectGolden(_ actual: String, _ golden: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["CALLPREP_RECORD"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? read(golden)
        #expect(expected != nil, "missing golden file \(golden.path); run with CALLPREP_RECORD=1",
                sourceLocation: sourceLocation)
        #expect(actual == expected, "differs from \(golden.lastPathComponent)", sourceLocation: sourceLocation)
    }

    /// A fresh empty folder in this run's folder.
    static func temporaryFolder() throws -> URL {
        let url = runFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every test's folders lie in one folder of this run, under the system's temporary folder,
    /// removed when the run ends: a run left some thousand folders behind, run after run.
    static let runFolder: URL = {
        let url = URL(fileURLWithPath: runFolderPath(of: getpid()))
        // A folder left by a run that was killed and whose process number came round again.
        try? FileManager.default.removeItem(at: url)
        atexit { _ = try? FileManager.default.removeItem(atPath: TestSupport.runFolderPath(of: getpid())) }
        return url
    }()

    static func runFolderPath(of process: Int32) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("callprep-tests-\(process)").path
    }

    /// A workspace of nothing but the built-in process and templates, in a fresh folder.
    static func workspace(process: String? = nil) throws -> Workspace {
        try Workspace(folder: temporaryFolder().path, process: process)
    }

    /// `value` as `--format json` writes it.
    static func json(_ value: some Encodable) -> String {
        JSONReporter(list: false).render(value)
    }

    static func builtinProcess(_ id: String) throws -> SalesProcess {
        try ProcessLoader.load(#require(ProcessResolver.builtinSource(id)))
    }

    /// The diagnostics `body` throws, as printed lines; empty when it does not throw.
    static func diagnostics<T>(_ body: () throws(DiagnosticError) -> T) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}

extension Trait where Self == TimeLimitTrait {
    /// The guard against a test that never ends. Swift Testing starts a test's clock when it
    /// starts the test, not when one of its worker threads (one per core) takes the test up, so
    /// the limit has to outlast the whole run: on CI's two cores a test waited 124 s for a
    /// thread and failed a one-minute limit it would have met in a second. How long a hostile
    /// input may take is asserted inside each test, from its own start.
    static var hangGuard: Self { .timeLimit(.minutes(20)) }
}
