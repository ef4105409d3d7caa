import CallPrepKit
import Foundation

/// The interactive review on a terminal, in the style of `git add -p`: one item at a time, one key
/// per answer (the terminal in raw mode), a line for a comment or a note (back in line mode).
struct ReviewTerminal {
    let subject: ReviewSubject
    /// Ask the rows answered before too.
    let all: Bool
    let color: Bool

    static let help = """
        y - the judge is right (agree)
        n - the judge is wrong (disagree): asks a one-line comment
        c - a coaching note on this item
        s - skip this item for now
        b - back to the item before
        q - save and quit: then the grade and a general note
        ? - this help

        """

    /// The manager's decisions (what was answered before standard input ended, if it did).
    func run() -> ReviewDecisions {
        var decisions = ReviewDecisions()
        let items = subject.items
        print(paint("Review of \(subject.path): \(subject.record.meeting.account ?? "") · \(subject.record.meeting.date) · "
            + "rep \(subject.record.meeting.rep ?? "-") · score \(subject.card.score)", "1"))
        let answered = items.filter { $0.answered != nil }
        if !answered.isEmpty, !all {
            print("\(answered.count) of \(items.count) rows answered before (--all asks them again):")
            for item in answered {
                print("  \(item.id): " + ((item.answered?.judgeIsRight ?? true) ? "the judge is right" : "the judge is wrong")
                      + (item.answered.map { $0.comment.isEmpty ? "" : " (\($0.comment))" } ?? ""))
            }
        }
        let asked = items.indices.filter { all || items[$0].answered == nil }
        var position = 0
        asking: while position < asked.count {
            let item = items[asked[position]]
            show(item, number: position + 1, of: asked.count)
            while true {
                print("Is the judge right? [y,n,c,s,b,q,?] ", terminator: "")
                flush()
                guard let key = RawKeys.read() else { print(""); break asking }
                print(String(key))
                switch key {
                case "y":
                    decisions.verdicts[item.id] = (true, "")
                    position += 1
                    continue asking
                case "n":
                    guard let comment = line("Why is the judge wrong? (one line) ", required: true) else { break asking }
                    decisions.verdicts[item.id] = (false, comment)
                    position += 1
                    continue asking
                case "c":
                    if let note = line("Coaching note on \(item.id): ", required: false), !note.isEmpty {
                        decisions.notes.append(.init(item: item.id, text: note))
                    }
                case "s":
                    position += 1
                    continue asking
                case "b":
                    position = max(0, position - 1)
                    continue asking
                case "q":
                    break asking
                default:
                    print(Self.help, terminator: "")
                }
            }
        }
        let now = subject.record.review.grade.map { ", now \($0): Enter keeps it" } ?? ", Enter to leave it out"
        while let text = line("Grade for the call (0 to 100\(now)) ", required: false), !text.isEmpty {
            if let grade = Int(text), (0...100).contains(grade) {
                decisions.grade = grade
                break
            }
            print("A whole number from 0 to 100, please.")
        }
        if let note = line("A general note on the call (Enter to leave it out) ", required: false), !note.isEmpty {
            decisions.comments = note
        }
        return decisions
    }

    private func show(_ item: ReviewSubject.Item, number: Int, of total: Int) {
        print("")
        print(paint("[\(number)/\(total)] \(item.title) (\(item.id))", "1") + "  line \(item.line)")
        let mark = switch item.mark {
        case .checked: "checked"
        case .unchecked: "not checked"
        case .notApplicable: "not applicable"
        case nil: "missing from the debrief"
        }
        print("  Rep:   \(mark)" + (item.evidence.isEmpty ? "" : ": \(VisibleControls.inline(item.evidence))"))
        let colour = item.verdict == .met ? "32" : item.verdict == .unsupported ? "33" : "31"
        print("  Judge: " + paint(item.verdict.rawValue, colour) + ": \(VisibleControls.inline(item.reason))")
        if let answered = item.answered {
            print("  Answered before: " + (answered.judgeIsRight ? "the judge is right" : "the judge is wrong")
                  + (answered.comment.isEmpty ? "" : " (\(answered.comment))"))
        }
    }

    /// A line typed in line mode; nil at the end of input. A required line is asked again when empty.
    private func line(_ prompt: String, required: Bool) -> String? {
        while true {
            print(prompt, terminator: "")
            flush()
            guard let text = RawKeys.line() else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !required || !trimmed.isEmpty { return trimmed }
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func flush() { fflush(nil) }
}

/// Standard input as single keys (raw mode, no echo) or as a line (the terminal's own line mode),
/// the terminal put back as it was on every way out, Ctrl-C included.
enum RawKeys {
    nonisolated(unsafe) private static var saved: termios?

    /// Remembers the terminal's mode, and restores it on Ctrl-C before the run ends (exit 130).
    static func start() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        saved = mode
        signal(SIGINT) { _ in
            RawKeys.restore()
            _ = write(STDOUT_FILENO, "\nStopped: nothing was written.\n", 31)
            _exit(130)
        }
    }

    static func restore() {
        guard var mode = saved else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }

    /// One key, without Enter; nil at the end of input.
    static func read() -> Character? {
        guard var raw = saved else { return line().flatMap(\.first) }
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { restore() }
        var byte: UInt8 = 0
        guard Glibc.read(STDIN_FILENO, &byte, 1) == 1, byte != 4 else { return nil }
        return Character(Unicode.Scalar(byte))
    }

    /// One line, in the terminal's line mode; nil at the end of input. Read a byte at a time, as
    /// the keys are, so that nothing typed ahead waits in a buffer the keys do not see.
    static func line() -> String? {
        restore()
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(STDIN_FILENO, &byte, 1) == 1 {
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            if byte != 0x0D { bytes.append(byte) }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
