/// Output formats of scorecards.
public enum ScorecardFormat: String, CaseIterable, Sendable {
    case text, md, json, csv
}

/// Scorecards written as they are made, so that scoring a long run holds none of them: `piece`
/// renders a scorecard (on any thread), `add` returns it as the next piece of output. Text and
/// Markdown end with a summary of every scorecard, for which a line of figures is kept.
public struct ScorecardWriter: Sendable {
    /// What the summary needs of one scorecard.
    struct Line {
        let source: String
        let score: Int
        let claimedScore: Int
        let selfScore: Int?
        let managerScore: Int?
        let findings: Int
    }

    private let format: ScorecardFormat
    private let process: @Sendable (Scorecard) -> SalesProcess?
    private let color: Bool
    private var count = 0
    private var lines: [Line] = []
    private var json = JSONOutput.ArrayWriter()

    /// `color` adds ANSI colours to text; the command passes it only on a terminal without NO_COLOR.
    public init(format: ScorecardFormat, process: @escaping @Sendable (Scorecard) -> SalesProcess?, color: Bool = false) {
        self.format = format
        self.process = process
        self.color = color
    }

    public var start: String {
        switch format {
        case .text, .md: ""
        case .json: json.start
        case .csv: CSVOutput.scorecardHeader
        }
    }

    /// `card` rendered, for `add`.
    public func piece(_ card: Scorecard) -> String {
        switch format {
        case .text: ScorecardText.card(card, process: process(card), color: color)
        case .md: ScorecardMarkdown.card(card, process: process(card))
        case .json: JSONOutput.ArrayWriter.indented(card)
        case .csv: CSVOutput.rows(card)
        }
    }

    /// The next piece of output: `piece`, rendered from `card`.
    public mutating func add(_ card: Scorecard, piece: String) -> String {
        let separator = count == 0 ? "" : "\n"
        count += 1
        if format == .text || format == .md {
            lines.append(Line(source: card.source, score: card.score, claimedScore: card.claimedScore,
                              selfScore: card.selfScore, managerScore: card.managerScore, findings: card.findings.count))
        }
        return switch format {
        case .text, .md: separator + piece
        case .json: json.element(piece)
        case .csv: piece
        }
    }

    public var end: String {
        switch format {
        case .text: count > 1 ? "\n" + ScorecardText.summary(lines) : ""
        case .md: count > 1 ? "\n" + ScorecardMarkdown.summary(lines) : ""
        case .json: json.end
        case .csv: ""
        }
    }
}
