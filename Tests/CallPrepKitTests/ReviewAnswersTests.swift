import Foundation
import Testing
@testable import CallPrepKit

/// `callprep review --answers`, the queue, and what a review may and may not write.
@Suite("Manager review: answers, queue and writing", .serialized, .hangGuard)
struct ReviewAnswersTests {
    static let debrief = ReliabilityTests.debrief

    /// A workspace whose example debrief has an empty review (no reviewer, grade, answers or comments).
    static func workspace() throws -> URL {
        let folder = try ReliabilityTests.workspace()
        try ReliabilityTests.edit(folder, debrief) { text in
            text.replacing(/\| (`[a-z-]+`) \|[^|\n]*\|[^|\n]*\|/) { "| \($0.1) | | |" }
                .replacingOccurrences(of: "Reviewer: Sam Lee", with: "Reviewer:")
                .replacingOccurrences(of: "Grade (0 to 100): 60", with: "Grade (0 to 100):")
                .replacingOccurrences(of: "Comments: Good discovery; the decision maker is still missing.", with: "Comments:")
        }
        return folder
    }

    static func review(_ answers: String, in folder: URL, environment: [String: String] = [:],
                       reviewer: [String] = ["--reviewer", "Priya Nair"]) throws -> CommandResult {
        try answers.write(to: folder.appendingPathComponent("answers.txt"), atomically: true, encoding: .utf8)
        return try CallPrepBinary.runCommand([CallPrepBinary.url.path, "review", debrief, "--answers", "answers.txt"] + reviewer,
                                             in: folder, environment: environment)
    }

    /// The lines a review changed or added, in order.
    static func written(_ before: String, _ after: String) -> [String] {
        let old = before.components(separatedBy: "\n")
        return after.components(separatedBy: "\n").filter { !old.contains($0) }
    }

    @Test("every answer form", arguments: [
        // The judge found the up-front agreement unsupported: right means it was not reached.
        ("upfront-agreement y", ["| `upfront-agreement` | no | |"]),
        ("upfront-agreement yes Agreed: nothing about outcomes was said.",
         ["| `upfront-agreement` | no | Agreed: nothing about outcomes was said. |"]),
        ("upfront-agreement n Both outcomes were agreed aloud; it is in my notes.",
         ["| `upfront-agreement` | yes | Both outcomes were agreed aloud; it is in my notes. |"]),
        ("`problems-identified` no The list is ours, from the website.",
         ["| `problems-identified` | no | The list is ours, from the website. |"]),
        ("compelling-reason n They tied it to the March renewal.", ["| `compelling-reason` | no | They tied it to the March renewal. |"]),
        ("roles-planned y", ["| `roles-planned` | yes | |"]),
        ("roles-planned n Luis should have been given a task anyway.",
         ["| `roles-planned` | no | Luis should have been given a task anyway. |"]),
        ("prepared y A pipe | in a comment", ["| `prepared` | yes | A pipe \\| in a comment |"]),
        ("grade 80", ["Reviewer: Priya Nair", "Grade (0 to 100): 80"]),
        ("note Keep the same discipline.", ["Reviewer: Priya Nair", "Comments: Keep the same discipline."]),
        ("coach Ask who signs before the demo.", ["Reviewer: Priya Nair", "- Ask who signs before the demo. (Priya Nair)"]),
        ("coach prepared Write the plan two days ahead.",
         ["Reviewer: Priya Nair", "- `prepared` Write the plan two days ahead. (Priya Nair)"]),
        ("# my answers\n\n  prepared   y  \n", ["| `prepared` | yes | |"]),
    ])
    func everyAnswerForm(_ answers: String, _ expected: [String]) throws {
        let folder = try Self.workspace()
        let path = folder.appendingPathComponent(Self.debrief)
        let before = try TestSupport.read(path)
        let run = try Self.review(answers, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        var wanted = expected
        if !["grade", "note", "coach"].contains(where: answers.hasPrefix) {
            wanted.insert("Reviewer: Priya Nair", at: 0)
        }
        #expect(Self.written(before, try TestSupport.read(path)) == wanted)
    }

    @Test("every bad answer is an error at its line and column, and nothing is written", arguments: [
        ("nosuch y", "answers.txt:1:1: error: no item 'nosuch' in the review table"),
        ("prepared maybe", "answers.txt:1:10: error: 'prepared' needs y (the judge is right) or n"),
        ("prepared", "answers.txt:1:10: error: 'prepared' needs y"),
        ("prepared n", "answers.txt:1:10: error: 'prepared n' needs a one-line comment"),
        ("grade 101", "answers.txt:1:7: error: 'grade' needs a whole number from 0 to 100, not '101'"),
        ("grade sixty", "answers.txt:1:7: error: 'grade' needs a whole number from 0 to 100, not 'sixty'"),
        ("note", "answers.txt:1:1: error: a note needs its text"),
        ("coach prepared", "answers.txt:1:1: error: a note needs its text"),
        ("prepared y\n  prepared n Changed my mind.", "answers.txt:2:3: error: 'prepared' is answered twice (first on line 1)"),
        ("# only a comment\n", "answers.txt:1:1: error: no answer in the file"),
        ("prepared y\nnosuch y", "answers.txt:2:1: error: no item 'nosuch'"),
    ])
    func badAnswers(_ answers: String, _ expected: String) throws {
        let folder = try Self.workspace()
        let path = folder.appendingPathComponent(Self.debrief)
        let before = try Data(contentsOf: path)
        let run = try Self.review(answers, in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: path) == before)
    }

    @Test func withoutATerminalOrAnswersItIsAUsageError() throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run(["review", Self.debrief], in: folder)
        #expect(run.status == 64)
        #expect(run.stderr == "error: review needs a terminal to ask its questions; give the answers with --answers FILE "
            + "(see callprep review --help)\n")
    }

    /// A review of a file with Windows line endings changes only its answered lines, and keeps
    /// every ending; the reviewer comes from CALLPREP_REVIEWER.
    @Test func everyOtherByteStaysAsItWas() throws {
        let folder = try Self.workspace()
        let path = folder.appendingPathComponent(Self.debrief)
        let crlf = try TestSupport.read(path).replacingOccurrences(of: "\n", with: "\r\n")
        try Data(crlf.utf8).write(to: path)
        let run = try Self.review("prepared y\ngrade 70\ncoach impact-quantified Have them say the figure.\n", in: folder,
                                  environment: ["CALLPREP_REVIEWER": "Ana Ruiz"], reviewer: [])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try TestSupport.read(path)
        #expect(!after.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends as the file's did")
        let old = crlf.components(separatedBy: "\r\n"), new = after.components(separatedBy: "\r\n")
        #expect(new.filter(old.contains) == old.filter(new.contains))
        #expect(Self.written(crlf.replacingOccurrences(of: "\r", with: ""), after.replacingOccurrences(of: "\r", with: "")) == [
            "Reviewer: Ana Ruiz", "Grade (0 to 100): 70", "| `prepared` | yes | |",
            "- `impact-quantified` Have them say the figure. (Ana Ruiz)",
        ])
    }

    /// The file changed on disk between reading it and saving the review: nothing is written.
    @Test func aFileChangedDuringTheReviewIsNotOverwritten() throws {
        let folder = try Self.workspace()
        let path = folder.appendingPathComponent(Self.debrief).path
        let workspace = try Workspace(folder: folder.path)
        let subject = try workspace.reviewSubject(path, report: { _ in }, note: { _ in })
        var decisions = ReviewDecisions()
        decisions.grade = 55
        let outcome = try workspace.review(subject, decisions: decisions, reviewer: "Priya Nair")
        let edited = subject.text + "\nA line the rep added meanwhile.\n"
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in try workspace.save(outcome, of: subject) }
        #expect(found == ["\(path):1:1: error: the file changed on disk during the review: nothing was written; review it again"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
    }

    @Test func theQueueListsWhatWaitsAndNothingOnceReviewed() throws {
        let folder = try Self.workspace()
        let text = try CallPrepBinary.run(["review"], in: folder)
        #expect(text.stdout == "2026-11-26 · Dana Whitfield · Northwind Logistics · score 60 · 2 findings · \(Self.debrief)\n",
                "\(text.stdout)\(text.stderr)")
        let md = try CallPrepBinary.run(["review", "--format", "md"], in: folder)
        #expect(md.stdout.contains("| 2026-11-26 | Dana Whitfield | Northwind Logistics | 60 | 2 | \(Self.debrief) |"))
        let json = try CallPrepBinary.run(["review", "--format", "json"], in: folder)
        #expect(json.stdout.contains("\"format\" : \"callprep.review-queue/1\"") && json.stdout.contains("\"score\" : 60"))
        #expect(try CallPrepBinary.run(["review", "--rep", "dana whitfield"], in: folder).stdout.contains(Self.debrief))
        #expect(try CallPrepBinary.run(["review", "--rep", "Someone Else"], in: folder).stdout == "No debrief waits for a review.\n")
        #expect(try CallPrepBinary.run(["review", "--since", "2026-11-27"], in: folder).stdout == "No debrief waits for a review.\n")
        #expect(try CallPrepBinary.run(["review", "--until", "2026-11-26"], in: folder).stdout.contains(Self.debrief))
        #expect(try Self.review("grade 70", in: folder).status == 0)
        #expect(try CallPrepBinary.run(["review"], in: folder).stdout == "No debrief waits for a review.\n")
    }
}
