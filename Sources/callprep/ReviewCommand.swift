import ArgumentParser
import CallPrepKit
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review debriefs as a manager: the queue, or one debrief item by item.",
        discussion: """
            With no debrief: the debriefs waiting for a review (no row of their review table answered, no \
            grade), oldest first, with date, rep, account, score and findings (--rep, --since, --until).
            With a debrief, on a terminal: each item of its review table in turn, with the rep's mark and \
            evidence and the judge's verdict and reason. Keys: y the judge is right, n the judge is wrong \
            (asks a one-line comment), c a coaching note on the item, s skip, b back, q save and quit, ? help. \
            Then the grade (0 to 100) and a general note. The reviewer is --reviewer, else $CALLPREP_REVIEWER, \
            else git config user.name; it signs the notes. Only the review rows, the reviewer, the grade, the \
            comments and the coaching notes are written back, atomically, and only when the file did not \
            change meanwhile. Rows answered before are shown, not asked again (--all asks them).
            --answers FILE ('-' for standard input) takes the answers from a file instead: one line per item, \
            'ID y|n [comment]' (n needs a comment), 'grade N', 'note TEXT' (the general note) and \
            'coach [ID] TEXT' (a coaching note). A bad line is an error at its line, and nothing is written.
            """
    )

    @Argument(help: "The debrief to review (none: list the debriefs waiting for a review).", completion: Completions.debriefs)
    var debrief: String?

    @Option(help: ArgumentHelp("Take the answers from this file ('-' reads standard input).", valueName: "file"))
    var answers: String?

    @Flag(help: "Ask the rows answered before too.")
    var all = false

    @Option(help: ArgumentHelp("Who reviews (default: $CALLPREP_REVIEWER, else git config user.name).", valueName: "name"))
    var reviewer: String?

    @Option(help: "The queue: only this rep's debriefs.")
    var rep: String?

    @Option(help: ArgumentHelp("The queue: only debriefs on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("The queue: only debriefs on or before this date.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: "The queue's format: text, md or json.")
    var format: ReviewQueueFormat = .text

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if debrief != nil, indexOptions.index != nil { throw ValidationError("--index is read by the queue: give no debrief.") }
        if debrief == nil, answers != nil { throw ValidationError("--answers needs the debrief they answer.") }
        if debrief == nil, all { throw ValidationError("--all needs a debrief to review.") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !CalendarDate.isValid(value) { throw ValidationError("\(name) must be a date such as 2026-11-24") }
        }
    }

    func run() throws {
        guard let debrief else {
            let queue = try reportingDiagnostics { () throws(DiagnosticError) in
                try Workspace(process: processOptions.resolved, teamWorkspace: indexOptions.team.name)
                    .reviewQueue(index: indexOptions.given, rep: rep, since: since, until: until, report: printDiagnostic, note: printNote)
            }
            print(format.render(queue), terminator: "")
            return
        }
        let interactive = answers == nil
        let (workspace, subject) = try reportingDiagnostics { () throws(DiagnosticError) in
            let workspace = try Workspace(process: processOptions.resolved)
            return (workspace, try workspace.reviewSubject(WorkingFolder.path(debrief), report: printDiagnostic, note: printNote))
        }
        if interactive, isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1 {
            FileHandle.standardError.write(Data(("error: review needs a terminal to ask its questions; "
                + "give the answers with --answers FILE (see callprep review --help)\n").utf8))
            throw ExitCode(64)
        }
        let name = reviewer ?? Self.defaultReviewer()
        try reportingDiagnostics { () throws(DiagnosticError) in
            let decisions: ReviewDecisions
            if let answers {
                decisions = try ReviewDecisions(answers: SourceFile.read(WorkingFolder.path(answers)), items: subject.items.map(\.id))
            } else {
                RawKeys.start()
                defer { RawKeys.restore() }
                let color = TerminalColor.enabled(isTerminal: true, environment: ProcessInfo.processInfo.environment)
                decisions = ReviewTerminal(subject: subject, all: all, color: color).run()
            }
            let outcome = try workspace.review(subject, decisions: decisions, reviewer: name)
            guard outcome.text != subject.text else {
                print("Nothing to write: \(subject.path) is as it was.")
                return
            }
            try workspace.save(outcome, of: subject)
            if interactive {
                // The scorecard as it now stands, the manager's answers applied.
                let color = TerminalColor.enabled(isTerminal: true, environment: ProcessInfo.processInfo.environment)
                print("\n" + workspace.scorecardText(outcome.after, color: color), terminator: "")
            }
            print(Self.summary(outcome, decisions: decisions, path: subject.path))
        }
    }

    /// What the review changed, in a few lines.
    static func summary(_ outcome: ReviewOutcome, decisions: ReviewDecisions, path: String) -> String {
        let disagreed = decisions.verdicts.values.filter { !$0.judgeIsRight }.count
        var lines = ["Saved the review of \(path): \(decisions.verdicts.count) answered (\(disagreed) against the judge)"
            + (decisions.grade.map { ", grade \($0)" } ?? "")
            + (decisions.notes.isEmpty ? "" : ", \(decisions.notes.count) coaching \(decisions.notes.count == 1 ? "note" : "notes")") + "."]
        lines.append("Score \(outcome.before.score) → \(outcome.after.score)"
            + (outcome.after.managerScore.map { "   manager \($0)" } ?? ""))
        for change in outcome.changed {
            lines.append("  \(change.id): \(change.from.rawValue) → \(change.to.rawValue)")
        }
        return lines.joined(separator: "\n")
    }

    /// $CALLPREP_REVIEWER, else `git config user.name`, else nil.
    static func defaultReviewer() -> String? {
        if let name = ProcessInfo.processInfo.environment["CALLPREP_REVIEWER"], !name.isEmpty { return name }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "config", "user.name"]
        let output = Pipe()
        git.standardOutput = output
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return git.terminationStatus == 0 && !name.isEmpty ? name : nil
    }
}

extension ReviewQueueFormat: ExpressibleByArgument {}
