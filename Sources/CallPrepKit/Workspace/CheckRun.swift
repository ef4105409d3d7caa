import Foundation

extension Workspace {
    /// `callprep check`: every problem of the files named, each recognised by its content or its
    /// extension: debrief forms (Markdown with a form's front matter), briefs (by their stamp), meeting files and process
    /// files (YAML or JSON; a process has `stages:`), and Mustache templates. Folders are searched
    /// for all five. A second debrief of the same meeting is a warning. `files` counts the files
    /// checked, for the summary line.
    public func check(_ paths: [String]) -> (files: Int, diagnostics: [Diagnostic]) {
        // A broken template of the workspace is reported as the file it is (when it is checked);
        // the debriefs are still read, without the form's text to tell apart.
        let parser = (try? parser()) ?? DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(texts: []))
        var diagnostics: [Diagnostic] = []
        var meetings: [String: String] = [:]
        var checked = 0
        for (file, named) in Self.checkedFiles(paths, diagnostics: &diagnostics) {
            let kind = Self.kind(of: file, named: named)
            if kind != .other { checked += 1 }
            switch kind {
            case .debrief:
                let parsed = parser.parse(path: file)
                diagnostics += parsed.diagnostics
                if let id = parsed.record?.meeting.id {
                    if let first = meetings[id] {
                        diagnostics.append(Diagnostic(.warning, file: file, WorkspaceProblem.sameMeeting(id, first: first)))
                    } else {
                        meetings[id] = file
                    }
                }
            case .process:
                do { _ = try ProcessLoader.load(path: file) } catch { diagnostics += error.diagnostics }
            case .meeting:
                do {
                    let source = try SourceFile.read(file)
                    _ = try loadMeeting(source)
                    diagnostics += PlanPlaceholders.warnings(in: source)
                } catch { diagnostics += error.diagnostics }
            case .template:
                diagnostics += TemplateSet.problems(ofTemplate: file)
            case .brief:
                diagnostics += Self.briefProblems(file)
            case .other:
                break
            }
        }
        return (checked, diagnostics)
    }

    private enum CheckedKind { case debrief, brief, process, meeting, template, other }

    /// Whether the file's last lines hold a brief's stamp.
    private static func endsLikeABrief(_ file: String) -> Bool {
        guard let text = try? SourceFile.read(file).text else { return false }
        return text.split(separator: "\n").suffix(3).contains { $0.hasPrefix(BriefStamp.opening) }
    }

    /// A brief is what callprep wrote: its stamp (its last such line) names a meeting and a real day.
    private static func briefProblems(_ file: String) -> [Diagnostic] {
        guard let source = try? SourceFile.read(file) else { return [Diagnostic(file: file, FileProblem.cannotRead(reason: "unreadable"))] }
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard BriefStamp(in: source.text) == nil,
              let index = lines.lastIndex(where: { $0.hasPrefix(BriefStamp.opening) }) else { return [] }
        return [Diagnostic(file: file, at: SourceLocation(line: index + 1, column: 1), WorkspaceProblem.brokenBriefStamp)]
    }

    /// The line `check` ends with: "Checked 4 files: 1 error, 2 warnings." or "Checked 4 files: no problems."
    public static func checkSummary(files: Int, _ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let found = errors + warnings == 0 ? "no problems" : "\(count(errors, "error")), \(count(warnings, "warning"))"
        return "Checked \(count(files, "file")): \(found)."
    }

    /// The files named, and those in the folders named that `check` knows; a path that cannot be
    /// read is an error.
    private static func checkedFiles(_ paths: [String], diagnostics: inout [Diagnostic]) -> [(String, named: Bool)] {
        var files: [(String, named: Bool)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append((path, true))
                continue
            }
            files += DebriefFiles.walk(path, extensions: [".md", ".yaml", ".yml", ".json", ".mustache"],
                                       diagnostics: &diagnostics).map { ($0, false) }
        }
        return files
    }

    /// What a file is, by its extension and its first lines. In a folder, a Markdown file is
    /// checked only when it is a debrief form; named, it is checked as one.
    private static func kind(of file: String, named: Bool = false) -> CheckedKind {
        if file.hasSuffix(".mustache") { return .template }
        if file == "-" { return .debrief }
        let head = SourceFile.head(of: file)?.text ?? ""
        if file.hasSuffix(".md") {
            if head.contains(FormContract.format) { return .debrief }
            // A brief ends with its stamp (`callprep brief` wrote it): checked as a brief, not as a debrief.
            if Self.endsLikeABrief(file) { return .brief }
            return named ? .debrief : .other
        }
        guard [".yaml", ".yml", ".json"].contains(where: file.hasSuffix) else { return named ? .debrief : .other }
        let lines = head.split(whereSeparator: \.isNewline)
        return lines.contains { $0.hasPrefix("stages:") || $0.contains("\"stages\"") } ? .process : .meeting
    }
}
