import Foundation

/// The one composition root: a workspace folder's processes and templates, and the parser and
/// index wired from them. Each command's run is a method of it (the other files of this folder),
/// so that the stages before it never need to know each other.
public final class Workspace {
    /// The workspace folder: `process.yaml`, `processes/`, `templates/`, `debriefs/`, the index.
    public let folder: String
    /// Every process a debrief may name; `--process`, when given, for all of them.
    public let catalog: ProcessCatalog
    private var loadedTemplates: TemplateSet?
    /// Told how many files of how many a long run has done (`parse`, `score`, `ingest`); the
    /// command shows it on a terminal.
    public let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// The day a brief is stamped with as written: today, unless a test says otherwise.
    /// Lazy: the local time zone costs a `check` of one file most of a millisecond to load.
    public lazy var today = CalendarDate.today()
    /// The path a debrief read from standard input (`-`) is known by (`--as`): stored in the index
    /// under it, and counted in its place in a deal's history. Without it, such a debrief is
    /// `<stdin>`, scored and shown but never stored.
    public var standardInputName: String?
    /// The team's rows in a team index (`--workspace`): several teams share one PostgreSQL
    /// database. Nil for the default; an SQLite index has one team's rows only.
    public var teamWorkspace: String?

    /// Loads `--process` at once (`process`: a file or a built-in id), so a broken one fails
    /// before anything else is read.
    public init(folder: String = ".", process: String? = nil, standardInputName: String? = nil, teamWorkspace: String? = nil,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(DiagnosticError) {
        self.folder = folder
        self.standardInputName = standardInputName
        self.teamWorkspace = teamWorkspace
        self.progress = progress
        catalog = try ProcessCatalog(explicit: process, workspace: folder)
    }

    /// The process a meeting is prepared with: `--process`, else `process.yaml`, else the default.
    func meetingProcess() throws(DiagnosticError) -> SalesProcess {
        if let explicit = catalog.explicitProcess { return explicit }
        return try ProcessResolver.resolve(nil, in: folder)
    }

    /// The process of this meeting file: `--process`, else the one its `process:` key names (an id
    /// the workspace or the binary knows, or a process file's path from the workspace), else the
    /// workspace's. A name that is neither is an error at the key.
    func meetingProcess(of source: SourceFile, workspaceProcess: SalesProcess? = nil) throws(DiagnosticError) -> SalesProcess {
        guard catalog.explicitProcess == nil, let named = MeetingLoader.processReference(in: source) else {
            if let workspaceProcess { return workspaceProcess }
            return try meetingProcess()
        }
        if let known = catalog.process(id: named.name), known.id == named.name { return known }
        let path = (named.name as NSString).isAbsolutePath ? named.name : place(named.name)
        if FileManager.default.fileExists(atPath: path) { return try ProcessLoader.load(path: path) }
        throw DiagnosticError([Diagnostic(file: source.path, at: named.location,
                                          MeetingProblem.unknownProcess(named.name, known: catalog.availableIDs))])
    }

    /// A meeting file loaded with its own process (`workspaceProcess`, when given, is the
    /// workspace's, loaded once for many files).
    func loadMeeting(_ source: SourceFile, workspaceProcess: SalesProcess? = nil) throws(DiagnosticError)
        -> (process: SalesProcess, meeting: Meeting) {
        let process = try meetingProcess(of: source, workspaceProcess: workspaceProcess)
        return (process, try MeetingLoader.load(source, process: process))
    }

    /// The workspace's templates, each built-in one replaced by a file in `templates/`.
    public func templates() throws(DiagnosticError) -> TemplateSet {
        if let loadedTemplates { return loadedTemplates }
        let loaded = try TemplateSet.load(workspace: folder)
        loadedTemplates = loaded
        return loaded
    }

    /// What the workspace knows of each call, by meeting id: the attendees of its meeting file in
    /// `meetings/` (who took part and in which buying role, for the people picture of its debrief),
    /// and the day its first brief in `briefs/` was written. Files that do not load are passed over
    /// (`check` reports them). A run that has read them already passes them in.
    func callFacts(meetings: [(path: String, meeting: Meeting)]? = nil, briefs: [String: String]? = nil)
        -> [String: CallFacts] {
        var facts: [String: CallFacts] = [:]
        for (_, meeting) in meetings ?? (try? meetingFolder())?.files ?? [] {
            facts[meeting.id, default: CallFacts()].attendees = meeting.attendees
            facts[meeting.id, default: CallFacts()].notes = meeting.notes ?? ""
        }
        for (id, written) in briefs ?? briefsWritten() { facts[id, default: CallFacts()].briefWritten = written }
        return facts
    }

    /// The deals' histories of this run, judged with the processes of the catalog and `calls`.
    func dealHistories(calls: [String: CallFacts]) -> DealHistories { DealHistories(process: catalog.lookup, calls: calls) }

    /// The fingerprints of what a scorecard depends on beyond its debrief: under "", the workspace's
    /// process files, `--process` and callprep's version; under each meeting id, the facts of the
    /// call (`calls`: the meeting file's attendees and notes, the brief written).
    func scoringContexts(_ calls: [String: CallFacts]) -> [String: String] {
        var whole = CallPrepVersion.current + "\n" + (catalog.explicitProcess.map { "\($0.id) \($0.version)\n" } ?? "")
        // By their names in the workspace, so that the same files elsewhere give the same fingerprint.
        let names = ["process.yaml"] + ((try? FileManager.default.contentsOfDirectory(atPath: place("processes"))) ?? []).sorted()
            .map { "processes/" + $0 }
        for name in names { whole += name + "\n" + ((try? SourceFile.read(place(name)).text) ?? "") }
        var fingerprints = ["": Self.hash(Array(whole.utf8))]
        for (id, facts) in calls {
            let text = "\(JSONWriter.write(facts.attendees))\n\(facts.notes)\n\(facts.briefWritten ?? "")"
            fingerprints[id] = Self.hash(Array(text.utf8))
        }
        return fingerprints
    }

    /// A path in the workspace, as a person would write it: `meetings`, not `./meetings`.
    func place(_ name: String) -> String {
        folder == "." ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// The meeting files of `meetings/`: those that load, with their paths, by name, and the
    /// errors of those that do not. A process that does not load is an error of its own.
    func meetingFolder() throws(DiagnosticError) -> (files: [(path: String, meeting: Meeting)], problems: [Diagnostic]) {
        let folder = place("meetings")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return ([], []) }
        let process = try meetingProcess()
        var files: [(path: String, meeting: Meeting)] = [], problems: [Diagnostic] = []
        for name in names.sorted() where [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                files.append((path, try loadMeeting(SourceFile.read(path), workspaceProcess: process).meeting))
            } catch { problems += error.diagnostics }
        }
        return (files, problems)
    }

    /// The day the first brief of each meeting in `briefs/` was written, by meeting id (`BriefStamp`).
    func briefsWritten() -> [String: String] {
        let briefs = place("briefs")
        var written: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: briefs)) ?? [] where name.hasSuffix(".md") {
            guard let file = try? SourceFile.read((briefs as NSString).appendingPathComponent(name)),
                  let stamp = BriefStamp(in: file.text) else { continue }
            if written[stamp.meeting].map({ stamp.written < $0 }) ?? true { written[stamp.meeting] = stamp.written }
        }
        return written
    }

    /// A parser that knows the workspace's form template, to tell its text from what people wrote.
    public func parser(maxBytes: Int = SourceFile.defaultMaxBytes) throws(DiagnosticError) -> DebriefParser {
        DebriefParser(catalog: catalog, boilerplate: try formBoilerplate(), maxBytes: maxBytes)
    }

    /// The form template's own text: the built-in template's as a test recorded it (rendering two
    /// forms took half of a `check` of one file), else found by rendering the workspace's.
    func formBoilerplate() throws(DiagnosticError) -> FormBoilerplate {
        if !FileManager.default.fileExists(atPath: place("templates/\(TemplateSet.formName)")) {
            return FormBoilerplate(texts: Set(BuiltinBoilerplate.texts))
        }
        let templates = try templates()
        do {
            return try FormBoilerplate(forms: Self.sampleForms(templates))
        } catch {
            throw DiagnosticError([Diagnostic(file: templates.origins[TemplateSet.formName] ?? TemplateSet.formName,
                                              TemplateProblem.makesUnreadableForms(error.errorDescription ?? "\(error)"))])
        }
    }

    /// Two forms for made-up meetings from the form template: what they share is the template's
    /// own text.
    static func sampleForms(_ templates: TemplateSet) -> [String] {
        guard let source = ProcessResolver.builtinSource(ProcessResolver.defaultID),
              let process = try? ProcessLoader.load(source) else { return [] }
        return [("a", "rep one"), ("b", "rep two")].map { account, rep in
            let meeting = Meeting(
                id: "boilerplate-\(account)", date: account == "a" ? "2001-01-01" : "2002-02-02",
                account: "account \(account)",
                opportunity: Opportunity(id: "opportunity-\(account)", name: "name \(account)", stage: "discover"),
                rep: rep, objective: "objective \(account)",
                attendees: [Attendee(name: "person \(account)", side: .theirs)],
                pains: [Pain(problem: "pain \(account)")])
            return DocumentRenderer.form(meeting: meeting, process: process, templates: templates)
        }
    }
}
