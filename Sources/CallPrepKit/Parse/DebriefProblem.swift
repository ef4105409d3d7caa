import Foundation

/// Problems in a filled debrief form.
public enum DebriefProblem: LocalizedError, Equatable, Sendable {
    case noFrontMatter
    case html
    case notAPipeTable(section: String)
    case tableWithoutDelimiterRow(section: String)
    case tableSplit(section: String)
    case frontMatterNotClosed
    case nestedTooDeep(limit: Int)
    case tooCostly(MarkdownLimits.Problem)
    case unsupportedFormVersion(String, supported: String)
    case missingFrontMatterKey(String)
    case unknownFrontMatterKey(String)
    case unknownProcess(String, available: [String])
    case processVersionDiffers(processID: String, form: String, current: String)
    case unknownStage(String, processID: String)
    case invalidDate(String)
    case invalidID(key: String, String)
    case unknownItemID(String)
    case duplicateItem(String, firstLine: Int)
    case requiredNotApplicable(String)
    case missingItem(String)
    case missingSection(String)
    case dueNotADate(String)
    case stepStateUnknown(String)
    case scoreOutOfRange(label: String, value: String)
    case agreeNotYesOrNo(String)
    case unknownReviewItem(String)

    public var errorDescription: String? {
        switch self {
        case .html:
            "this is HTML, not a Markdown debrief: fill in the Markdown form that `callprep form` writes"
        case let .notAPipeTable(section):
            "the \(section) section holds no GFM pipe table: this looks like a simple or grid table (as pandoc writes "
                + "them), and its rows were not read; write it as a pipe table (`| a | b |`)"
        case let .tableWithoutDelimiterRow(section):
            "these rows of the \(section) table are not read: the table has no delimiter row (`| --- | --- |`) "
                + "under its header line"
        case let .tableSplit(section):
            "these rows of the \(section) table are not read: a blank line splits them from the table above; "
                + "remove the blank line"
        case .noFrontMatter:
            "the debrief has no front matter: it must start with the '---' block that `callprep form` wrote"
        case .frontMatterNotClosed:
            "the front matter opened here is never closed with a '---' line"
        case let .tooCostly(.tableTooWide(columns)):
            "a table of \(columns) columns; at most \(MarkdownLimits.maxTableColumns) are read"
        case let .tooCostly(.tableTooLarge(columns)):
            "a table of \(columns) columns and more than \(MarkdownLimits.maxTableCells / columns) rows; "
                + "at most \(MarkdownLimits.maxTableCells) cells are read"
        case .tooCostly(.tooManyTableCells):
            "more than \(MarkdownLimits.maxFileTableCells) table cells in one file; at most that many are read"
        case let .tooCostly(.rowTooWide(pipes)):
            "a table row (or a line above a table's delimiter row) of \(pipes) pipes; at most \(MarkdownLimits.maxRowPipes) are read"
        case .tooCostly(.tooManyDelimiterRows):
            "too many lines that look like a table's delimiter row (`|---|`) without a blank line before them; "
                + "put a blank line before each table"
        case .tooCostly(.tooManyImageOpeners):
            "more than \(MarkdownLimits.maxImageOpeners) '![' in one paragraph; put a blank line between them or escape them (`\\![`)"
        case .tooCostly(.domainsRereadTooMuch):
            "too many 'www.' or '@' inside long words; put spaces between web and e-mail addresses"
        case .tooCostly(.tooManyDelimiterRuns):
            "more than \(MarkdownLimits.maxDelimiterRuns) runs of '*', '_' or '~' in one paragraph; "
                + "put a blank line between paragraphs or escape them (`\\*`)"
        case let .tooCostly(.tooManyOpeners(opener)):
            "more than \(MarkdownLimits.maxHTMLOpeners) '\(opener)' in one file; remove them or put them in a code block"
        case let .nestedTooDeep(limit):
            "lists and quotes are nested more than \(limit) levels deep here"
        case let .unsupportedFormVersion(found, supported):
            "form format '\(found)' is not one this callprep reads (it reads \(supported))"
        case let .missingFrontMatterKey(key):
            "the front matter is missing '\(key)'"
        case let .unknownFrontMatterKey(key):
            "unknown front matter key '\(key)' (ignored)"
        case let .unknownProcess(id, available):
            "unknown process '\(id)' (found: \(available.joined(separator: ", ")); name its file with --process)"
        case let .processVersionDiffers(id, form, current):
            "the form was made with process \(id) \(form); scoring uses version \(current)"
        case let .unknownStage(stage, processID):
            "unknown stage '\(stage)' for process '\(processID)'"
        case let .invalidDate(text):
            "'date' must be a date such as 2026-11-24, not '\(text)'"
        case let .invalidID(key, text):
            "\(key) id '\(text)' may hold only letters, digits, '-', '_' and '.', starting with a letter or digit"
        case let .unknownItemID(id):
            "item id '\(id)' is not in the process (kept as unmapped text)"
        case let .duplicateItem(id, firstLine):
            "item '\(id)' appears twice (first on line \(firstLine))"
        case let .requiredNotApplicable(id):
            "'\(id)' is required and cannot be not applicable"
        case let .missingItem(id):
            "item '\(id)' is missing from the debrief (counted as not met)"
        case let .missingSection(name):
            "the section '\(name)' is missing"
        case let .dueNotADate(text):
            "due date '\(text)' is not a date (write it as YYYY-MM-DD)"
        case let .stepStateUnknown(text):
            "state '\(text)' is none of open, done or dropped (read as open)"
        case let .scoreOutOfRange(label, value):
            "\(label) must be a whole number from 0 to 100, not '\(value)'"
        case let .agreeNotYesOrNo(text):
            "'\(text)' in the Agree column is neither yes nor no"
        case let .unknownReviewItem(text):
            "review row '\(text)' names no item of the process"
        }
    }
}
