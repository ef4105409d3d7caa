import Foundation
import Testing
@testable import CallPrepKit

/// The manager's review (issue 25): what an answer means, the queue, the interactive review and
/// `--answers`, and what they write back.
@Suite("Manager review", .serialized, .hangGuard)
struct ReviewTests {
    static let debrief = ReliabilityTests.debrief

    static func scorecard(_ text: String) throws -> Scorecard {
        let catalog = try ProcessCatalog(explicit: nil)
        let parsed = DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(texts: Set(BuiltinBoilerplate.texts)))
            .parse(SourceFile(path: "x.md", text: text))
        let record = try #require(parsed.record, "\(parsed.diagnostics)")
        return try #require(DealHistories(process: catalog.lookup).scorecards([record]).first)
    }

    /// "yes" agrees with how the rep marked the item: for a checked item the judge found
    /// unsupported, the manager accepts its evidence, and the judge's verdict is kept beside.
    @Test func aYesToACheckedItemAcceptsItsEvidence() throws {
        let text = try TestSupport.read(TestSupport.root.appendingPathComponent("templates/examples/northwind-2026-11-26-debrief.md"))
        let before = try Self.scorecard(text).items.first { $0.id == "upfront-agreement" }
        #expect(before?.status == .unsupported && before?.judged == nil)
        let agreed = text.replacingOccurrences(of: "| `upfront-agreement` | | |",
                                               with: "| `upfront-agreement` | yes | Outcomes were agreed aloud. |")
        let after = try #require(try Self.scorecard(agreed).items.first { $0.id == "upfront-agreement" })
        #expect(after.status == .met && after.judged == .unsupported && after.overriddenBy == "manager")
        #expect(after.reason == "the manager accepts the evidence: Outcomes were agreed aloud.")
        // A "yes" to an item the judge met changes nothing.
        let met = text.replacingOccurrences(of: "| `prepared` | yes | |", with: "| `prepared` | yes | fine |")
        #expect(try Self.scorecard(met).items.first { $0.id == "prepared" }?.overriddenBy == nil)
    }
}

extension ReviewTests {
    /// The bundled example reviewed end to end through a real terminal (a pty), as a manager would:
    /// the rows answered before are shown and not asked; one item agreed, a coaching note and an
    /// agreement, a disagreement with its comment, a skip, back, an agreement, quit; the grade and
    /// a note. Afterwards only the review's lines and the coaching notes differ.
    @Test func theExampleIsReviewedEndToEndOnATerminal() throws {
        let folder = try ReliabilityTests.workspace()
        let path = folder.appendingPathComponent(Self.debrief)
        let before = try TestSupport.read(path)
        let terminal = PtyTerminal()
        defer { terminal.stop() }
        try terminal.start("'\(CallPrepBinary.url.path)' review \(Self.debrief) --reviewer 'Sam Lee'", in: folder,
                           environment: ["NO_COLOR": "1"])
        let prompt = "Is the judge right? [y,n,c,s,b,q,?]"
        let first = try terminal.wait(for: prompt)
        #expect(first.contains("3 of 13 rows answered before"))
        #expect(first.contains("[1/10] The customer's problems identified (problems-identified)"))
        try terminal.send("y")
        try terminal.wait(for: prompt, count: 2)
        try terminal.send("c")
        try terminal.wait(for: "Coaching note on impact-quantified:")
        try terminal.send("Have them say the figure, then write it down.", enter: true)
        try terminal.wait(for: prompt, count: 3)
        try terminal.send("y")
        try terminal.wait(for: prompt, count: 4)
        try terminal.send("n")
        try terminal.wait(for: "Why is the judge wrong?")
        try terminal.send("The March renewal was named as the deadline.", enter: true)
        try terminal.wait(for: prompt, count: 5)
        try terminal.send("s")
        try terminal.wait(for: prompt, count: 6)
        try terminal.send("b")
        let back = try terminal.wait(for: prompt, count: 7)
        #expect(back.components(separatedBy: "[4/10]").count - 1 == 2, "back shows the skipped item again")
        try terminal.send("y")
        try terminal.wait(for: prompt, count: 8)
        try terminal.send("?")
        try terminal.wait(for: "q - save and quit")
        try terminal.send("q")
        try terminal.wait(for: "Grade for the call (0 to 100, now 60: Enter keeps it)")
        try terminal.send("72", enter: true)
        try terminal.wait(for: "A general note on the call")
        try terminal.send("Disciplined call; bring the COO in.", enter: true)
        let end = try terminal.wait(for: "EXIT=")
        #expect(end.contains("EXIT=0"), "\(end)")
        // The scorecard as it now stands, and what changed.
        #expect(end.contains("Stage: claimed Discover") && end.contains("manager 72"), "\(end)")
        #expect(end.contains("compelling-reason: missed → met"))
        #expect(end.contains("Saved the review of debriefs/northwind-2026-11-26.md: 4 answered (1 against the judge), grade 72, 1 coaching note."))

        let after = try TestSupport.read(path)
        let old = before.components(separatedBy: "\n"), new = after.components(separatedBy: "\n")
        // Every other line as it was, in its place; only these written.
        #expect(new.filter(old.contains) == old.filter(new.contains))
        #expect(new.filter { !old.contains($0) } == [
            "Grade (0 to 100): 72",
            "| `problems-identified` | yes | |",
            "| `impact-quantified` | yes | |",
            "| `compelling-reason` | no | The March renewal was named as the deadline. |",
            "| `commitment-to-solve` | yes | |",
            "Comments: Good discovery; the decision maker is still missing. Disciplined call; bring the COO in.",
            "- `impact-quantified` Have them say the figure, then write it down. (Sam Lee)",
        ])
        #expect(old.filter { !new.contains($0) } == [
            "Grade (0 to 100): 60", "| `problems-identified` | | |", "| `impact-quantified` | | |",
            "| `compelling-reason` | | |", "| `commitment-to-solve` | | |",
            "Comments: Good discovery; the decision maker is still missing.",
        ])
    }
}

/// A terminal for a test: a pseudo-terminal (util-linux's `script`) running one command, keys
/// sent one at a time as a person types them, the screen's text read back.
final class PtyTerminal: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var shown = Data()

    /// Starts `command` in `folder`, on a terminal of its own.
    func start(_ command: String, in folder: URL, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command + "; echo \"EXIT=$?\"", "/dev/null"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["TERM": "xterm"]) { a, _ in a }) { _, b in b }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.shown.append(data) }
        }
        try process.run()
    }

    func send(_ keys: String, enter: Bool = false) throws {
        input.fileHandleForWriting.write(Data((keys + (enter ? "\r" : "")).utf8))
    }

    /// All the command has shown so far.
    func screen() -> String { lock.withLock { String(decoding: shown, as: UTF8.self) } }

    /// Waits until `text` shows `count` times (ten seconds at most); what is shown then.
    @discardableResult
    func wait(for text: String, count: Int = 1) throws -> String {
        for _ in 0..<200 {
            let now = screen()
            if now.components(separatedBy: text).count - 1 >= count { return now }
            usleep(50_000)
        }
        let now = screen()
        Issue.record("waited for \(count) × '\(text)'; the screen:\n\(now)")
        return now
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { process.terminate() }
    }
}
