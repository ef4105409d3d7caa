import Foundation
import Yams

/// Reads a debrief's front matter into the record's meeting and process.
struct FrontMatterReader {
    static let keys = FormContract.Key.allCases.map(\.rawValue)

    let file: String
    let catalog: ProcessCatalog

    /// The record with its meeting and process and the Markdown after the front matter; nil, with
    /// the diagnostics saying why, when the rest cannot be read without them.
    func read(_ text: String) -> (reading: DebriefParser.FrontMatterReading?, body: String, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ problem: DebriefProblem, _ at: SourceLocation, _ severity: Severity = .error) {
            diagnostics.append(Diagnostic(severity, file: file, at: at, problem))
        }
        let (yaml, body) = FrontMatter.split(text)
        guard let yaml else {
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
            let opened = firstLine.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{FEFF}"])) == "---"
            report(opened ? .frontMatterNotClosed : Self.looksLikeHTML(text) ? .html : .noFrontMatter, .start)
            return (nil, body, diagnostics)
        }
        var values: [String: (text: String, at: SourceLocation)] = [:]
        var ok = true
        var wrongShape: Set<String> = []
        // Where a missing key is reported: the start of the front matter.
        var rootAt = SourceLocation(line: 2, column: 1)
        if let flat = FlatYAML.fields(yaml, firstLine: 2) {
            // The front matter as callprep writes it, one `key: value` a line, read without Yams.
            rootAt = flat[0].keyAt
            for field in flat {
                guard Self.keys.contains(field.key) else {
                    report(.unknownFrontMatterKey(field.key), field.keyAt, .warning)
                    continue
                }
                if let text = field.value?.trimmed, !text.isEmpty { values[field.key] = (text, field.valueAt) }
            }
        } else {
            let reader = YAMLReader(file: file, lineOffset: 1)
            guard let root = reader.compose(yaml) else {
                diagnostics += reader.diagnostics
                if reader.diagnostics.isEmpty { report(.noFrontMatter, .start) }
                return (nil, body, diagnostics)
            }
            guard let mapping = root.mapping else {
                diagnostics.append(Diagnostic(file: file, at: reader.location(of: root),
                                              DocumentProblem.notAMapping(what: "the front matter")))
                return (nil, body, diagnostics)
            }
            rootAt = reader.location(of: root)
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                guard Self.keys.contains(name) else {
                    report(.unknownFrontMatterKey(name), reader.location(of: key), .warning)
                    continue
                }
                // Every key holds one value: a list or a mapping would otherwise vanish from the record.
                guard value.scalar != nil else {
                    diagnostics.append(Diagnostic(file: file, at: reader.location(of: value), DocumentProblem.expectedText(key: name)))
                    ok = false
                    wrongShape.insert(name)
                    continue
                }
                if let text = value.scalar?.string.trimmed, !text.isEmpty, !isNull(value) {
                    values[name] = (text, reader.location(of: value))
                }
            }
        }
        func location(_ key: String) -> SourceLocation {
            values[key]?.at ?? rootAt
        }
        for key in ["meeting", "date", "stage"] where values[key] == nil && !wrongShape.contains(key) {
            report(.missingFrontMatterKey(key), location(key))
            ok = false
        }
        // Ids reach briefs, forms, file names and printed commands unescaped: only plain ones are read.
        for key in ["meeting", "opportunity"] {
            if let id = values[key], !isValidID(id.text) {
                report(.invalidID(key: key, id.text), id.at)
                ok = false
            }
        }
        if let form = values["form"], form.text != FormContract.formatVersion {
            report(.unsupportedFormVersion(form.text, supported: FormContract.formatVersion), location("form"))
            ok = false
        }
        if let date = values["date"], !CalendarDate.isValid(date.text) {
            report(.invalidDate(date.text), location("date"))
            ok = false
        }
        guard let process = catalog.process(id: values["process"]?.text) else {
            report(.unknownProcess(values["process"]?.text ?? "", available: catalog.availableIDs), location("process"))
            return (nil, body, diagnostics)
        }
        // A reformatter may rewrite version 1.0 as 1: numerically equal versions are the same.
        var version = values["process_version"]?.text ?? process.version
        if let number = Double(version), number == Double(process.version) { version = process.version }
        if version != process.version {
            report(.processVersionDiffers(processID: process.id, form: version, current: process.version),
                   location("process_version"), .warning)
        }
        if let stage = values["stage"]?.text, process.stage(stage) == nil {
            report(.unknownStage(stage, processID: process.id), location("stage"))
            ok = false
        }
        guard ok, let meeting = values["meeting"]?.text, let date = values["date"]?.text,
              let stage = values["stage"]?.text else { return (nil, body, diagnostics) }
        let record = DebriefRecord(
            source: file,
            meeting: .init(id: meeting, date: date, account: values["account"]?.text,
                           opportunity: values["opportunity"]?.text, rep: values["rep"]?.text, stage: stage),
            process: .init(id: process.id, version: version))
        return (DebriefParser.FrontMatterReading(record: record, process: process, diagnostics: diagnostics), body,
                diagnostics)
    }

    /// A page a browser or an editor saved as HTML: it starts with a doctype or an `<html>` tag.
    static func looksLikeHTML(_ text: String) -> Bool {
        let start = text.unicodeScalars.drop { $0 == "\u{FEFF}" || $0.properties.isWhitespace }.prefix(14)
        let head = String(String.UnicodeScalarView(start)).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml")
    }
}
