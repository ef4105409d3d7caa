/// Scorecards as plain text for a terminal: the three figures first, then items and findings;
/// several end with a summary.
struct ScorecardTextReporter: Reporter {
    static var identifier: String { "text" }
    let process: @Sendable (Scorecard) -> SalesProcess?
    /// ANSI colours; a command asks for them only on a terminal without NO_COLOR.
    let color: Bool
    private var summary = ScorecardSummary()

    init(process: @escaping @Sendable (Scorecard) -> SalesProcess?, color: Bool) {
        self.process = process
        self.color = color
    }

    func render(_ card: Scorecard) -> String {
        ScorecardText.card(card, process: process(card), color: color)
    }

    mutating func add(_ card: Scorecard, rendered: String) -> String {
        summary.add(card) + rendered
    }

    var end: String { summary.end(ScorecardText.summary) }
}

enum ScorecardText {
    /// `color` adds ANSI colours; the command passes it only on a terminal without NO_COLOR.
    static func card(_ card: Scorecard, process: SalesProcess?, color: Bool) -> String {
        guard color else { return VisibleControls.apply(uncoloured(card, process: process, paint: { text, _ in text })) }
        // The text of the card is made safe before colour is added, so that the only colour codes
        // on the way to the terminal are callprep's own (the sink keeps just those).
        return uncoloured(card, process: process) { text, code in "\u{1B}[\(code)m\(text)\u{1B}[0m" }
    }

    /// The card, with `paint` applied to callprep's own words only; everything from the debrief,
    /// the meeting or the process made visible (`VisibleControls`) first.
    private static func uncoloured(_ card: Scorecard, process: SalesProcess?,
                                   paint: (String, String) -> String) -> String {
        func safe(_ text: String) -> String { VisibleControls.inline(text) }
        func stageTitle(_ id: String?) -> String { safe(process?.stageTitle(id) ?? id ?? "none yet") }
        let meeting = card.meeting
        var out = safe([meeting.account, meeting.date, meeting.rep].compactMap { $0 }.joined(separator: " · "))
        out += " · \(safe(card.source))\n"
        out += paint("Score \(card.score)", "1") + "   claimed \(card.claimedScore)"
        out += "   self \(card.selfScore.map(String.init) ?? "-")   manager \(card.managerScore.map(String.init) ?? "-")\n"
        out += "Stage: claimed \(stageTitle(card.stage.claimed)), evidenced \(stageTitle(card.stage.evidenced)); "
        out += card.readyToAdvance ? paint("ready to advance", "32") : "not ready to advance"
        out += "\n"
        if let history = card.history { out += "Counting earlier debriefs: \(safe(ScorecardSummary.history(history)))\n" }
        if let plan = card.plan {
            out += "\nPlan: \(safe(plan.objective ?? "no objective written"))\n"
            for result in PlanResult.lines(plan) {
                out += "  " + paint(result.verdict.padding(toLength: 14, withPad: " ", startingAt: 0),
                                    result.good ? "32" : "33") + "  \(safe(result.what))\n"
            }
        }
        out += "\n"
        let width = card.items.map(\.status.rawValue.count).max() ?? 0
        for item in card.items {
            let status = item.status.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let code = switch item.status {
            case .met: "32"
            case .unsupported: "33"
            case .missed: "31"
            case .notApplicable: "2"
            }
            out += "  \(paint(status, code))  w\(NumberText.plain(item.weight))  \(safe(item.title)) (\(safe(item.id)))"
            if item.status != .met || item.earlier != nil { out += ": \(safe(item.reason))" }
            if item.overriddenBy != nil { out += " [overridden by the \(safe(item.overriddenBy ?? ""))]" }
            if let line = item.line { out += "  line \(line)" }
            out += "\n"
        }
        if !card.findings.isEmpty {
            out += "\nFindings\n"
            for finding in card.findings {
                out += "  " + paint("!", "33") + " \(safe(finding.check))"
                if let line = finding.line { out += " (line \(line))" }
                out += ": \(safe(finding.message))\n"
            }
        }
        return out
    }

    static func summary(_ cards: [ScorecardSummary.Line]) -> String {
        let average = NumberText.flooredAverage(cards.map(\.score))
        var out = "Summary: \(cards.count) debriefs, average score \(average)\n"
        for card in cards {
            out += "  \(String(card.score).leftPadded(3))  claimed \(String(card.claimedScore).leftPadded(3))"
            out += "  findings \(String(card.findings).leftPadded(2))  \(card.source)\n"
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
