/// One output format of one kind of value: what `--format NAME` writes.
///
/// A list of records or scorecards streams: `start`, then each value as it is made (`render` on
/// any thread, `add` in order), then `end`. A report or the coaching notes is one document: the
/// defaults leave `render`'s text as it is.
public protocol Reporter<Value>: Sendable {
    associatedtype Value
    /// The name `--format` takes.
    static var identifier: String { get }
    /// Text before the first value.
    var start: String { get }
    /// One value's text: pure, so that threads can render values at once.
    func render(_ value: Value) -> String
    /// The next piece of output: `rendered` (from `render(value)`) with whatever joins it to the
    /// pieces before; keeps what `end` needs.
    mutating func add(_ value: Value, rendered: String) -> String
    /// Text after the last value.
    var end: String { get }
}

extension Reporter {
    public var start: String { "" }
    public mutating func add(_ value: Value, rendered: String) -> String { rendered }
    public var end: String { "" }

    /// The whole output for one value: a report, or a list of one.
    public mutating func document(_ value: Value) -> String {
        start + add(value, rendered: render(value)) + end
    }
}

/// The registry of output formats, one enum per kind of value: `--format` takes their raw values,
/// and each case names its reporter.

/// Formats of `callprep parse`.
public enum RecordFormat: String, CaseIterable, Sendable {
    case json, csv

    public var reporter: any Reporter<DebriefRecord> {
        switch self {
        case .json: JSONReporter<DebriefRecord>(list: true)
        case .csv: RecordCSVReporter()
        }
    }
}

/// Formats of `callprep score`.
public enum ScorecardFormat: String, CaseIterable, Sendable {
    case text, md, json, csv

    /// `process` gives a scorecard's process (for stage titles); `color` adds ANSI colours to text,
    /// which a command asks for only on a terminal without NO_COLOR.
    public func reporter(process: @escaping @Sendable (Scorecard) -> SalesProcess?,
                         color: Bool = false) -> any Reporter<Scorecard> {
        switch self {
        case .text: ScorecardTextReporter(process: process, color: color)
        case .md: ScorecardMarkdownReporter(process: process)
        case .json: JSONReporter<Scorecard>(list: true)
        case .csv: ScorecardCSVReporter()
        }
    }
}

/// Which part of the team report to show.
public enum ReportSection: String, Sendable, CaseIterable {
    case rep, milestone, stage
}

/// Formats of `callprep report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, json, csv, html

    /// `sections` nil is every section (CSV, one table: the reps'). `templates` is asked for only
    /// by formats made from a template (HTML), which say the day they were `generated`.
    /// `openSteps` are listed under each rep in the HTML page, with the review `backlog`.
    public func reporter(sections: ReportSection?, templates: () throws(DiagnosticError) -> TemplateSet,
                         generated: String = "", openSteps: NextStepList? = nil, backlog: ReviewBacklog? = nil)
        throws(DiagnosticError) -> any Reporter<TeamReport> {
        let shown = sections.map { [$0] } ?? ReportSection.allCases
        return switch self {
        case .md: ReportMarkdownReporter(sections: shown)
        case .json: JSONReporter<TeamReport>(list: false)
        case .csv: ReportCSVReporter(section: sections ?? .rep)
        case .html: ReportHTMLReporter(sections: shown, templates: try templates(), generated: generated, openSteps: openSteps,
                                       backlog: backlog)
        }
    }
}

/// Formats of `callprep coach`.
public enum CoachFormat: String, CaseIterable, Sendable {
    case md, json

    public var reporter: any Reporter<CoachingNotes> {
        switch self {
        case .md: CoachingMarkdownReporter()
        case .json: JSONReporter<CoachingNotes>(list: false)
        }
    }
}
