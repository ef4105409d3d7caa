import CallPrepKit
import Foundation

/// What one fuzzing input goes through: the debrief parser and scorer, the process or meeting
/// loader (and, for meetings, the brief and form), or the calendar reader (and, for an event, the
/// meeting file it becomes and a prep block), or the template loader (the input as a workspace's
/// brief and form templates, then both documents of the example meeting), or the evidence reader
/// (the input as the evidence of every item of the example debrief, under both built-in
/// processes). Chosen by CALLPREP_FUZZ_TARGET.
enum FuzzTarget: String, CaseIterable {
    case debrief, process, meeting, calendar, template, evidence

    static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["CALLPREP_FUZZ_TARGET"] ?? "")
        ?? .debrief

    private static let defaultProcess: SalesProcess = {
        guard let source = ProcessResolver.builtinSource(ProcessResolver.defaultID),
              let process = try? ProcessLoader.load(source) else { preconditionFailure("the default process must load") }
        return process
    }()
    /// A workspace with nothing of its own: the built-in process and templates.
    nonisolated(unsafe) private static let workspace: Workspace = {
        guard let workspace = try? Workspace(folder: "/nonexistent", process: ProcessResolver.defaultID) else {
            preconditionFailure("the default process must load")
        }
        return workspace
    }()
    private static let templates: TemplateSet = {
        guard let templates = try? workspace.templates() else { preconditionFailure("the built-in templates must load") }
        return templates
    }()
    private static let parser: DebriefParser = {
        guard let parser = try? workspace.parser() else { preconditionFailure("the built-in templates must load") }
        return parser
    }()

    /// The bundled example debrief, read under each built-in process id, for processes to score.
    private static let sampleRecords: [DebriefRecord] = {
        guard let text = WorkspaceInitializer.files().first(where: { $0.path.hasPrefix("debriefs/") })?.contents,
              let record = parser.parse(SourceFile(path: "sample.md", text: text)).record else { return [] }
        return ["b2b", "meddpicc"].map { id in
            var copy = record
            copy.process.id = id
            return copy
        }
    }()

    /// The built-in processes, in the order of `sampleRecords`.
    private static let builtinProcesses: [SalesProcess] = ["b2b", "meddpicc"].compactMap { id in
        ProcessResolver.builtinSource(id).flatMap { try? ProcessLoader.load($0) }
    }

    /// The bundled example meeting.
    private static let sampleMeeting: Meeting? = {
        guard let text = WorkspaceInitializer.files().first(where: { $0.path.hasPrefix("meetings/") })?.contents else { return nil }
        return try? MeetingLoader.load(SourceFile(path: "sample.yaml", text: text), process: defaultProcess)
    }()

    /// Runs one input; any crash or sanitizer report is a bug.
    func run(_ data: Data) {
        guard let source = try? SourceFile.decode(data, path: "fuzz") else { return }
        switch self {
        case .debrief:
            if let record = Self.parser.parse(source).record {
                _ = Scorer(process: Self.defaultProcess).score(record)
            }
        case .process:
            // A process that loads also scores: its weights, thresholds and word lists reach the scorer.
            if let process = try? ProcessLoader.load(source) {
                for record in Self.sampleRecords { _ = Scorer(process: process).score(record) }
            }
        case .meeting:
            if let meeting = try? MeetingLoader.load(source, process: Self.defaultProcess) {
                _ = DocumentRenderer.brief(meeting: meeting, process: Self.defaultProcess, templates: Self.templates,
                                           meetingPath: "fuzz")
                _ = DocumentRenderer.form(meeting: meeting, process: Self.defaultProcess, templates: Self.templates)
            }
        case .template:
            // As the brief alone, and as both brief and form (so that they may include each other).
            for names in [[TemplateSet.briefName], [TemplateSet.briefName, TemplateSet.formName]] {
                let given = Dictionary(uniqueKeysWithValues: names.map { ($0, SourceFile(path: "templates/\($0)", text: source.text)) })
                guard let templates = try? TemplateSet.load(given), let meeting = Self.sampleMeeting else { continue }
                _ = DocumentRenderer.brief(meeting: meeting, process: Self.defaultProcess, templates: templates, meetingPath: "fuzz")
                _ = DocumentRenderer.form(meeting: meeting, process: Self.defaultProcess, templates: templates)
            }
        case .evidence:
            // Every item ticked with the input as its evidence: every rule's terms and every check
            // that reads evidence see it.
            for (record, process) in zip(Self.sampleRecords, Self.builtinProcesses) {
                guard let template = record.items.first else { continue }
                var copy = record
                copy.items = (process.milestones + process.practices).map { milestone in
                    var item = template
                    item.id = milestone.id
                    item.state = .checked
                    item.evidence = source.text
                    return item
                }
                _ = Scorer(process: process).score(copy)
            }
        case .calendar:
            // Each event as listed, and the occurrences of one day (repeats, exceptions, zones).
            for day in [nil, "2026-12-07"] {
                guard let events = try? CalendarReader.read(source, options: .init(day: day, localZone: "Europe/Berlin"))
                else { continue }
                for event in events.prefix(20) {
                    let context = InviteMeeting.Context(ourDomains: ["brightline.example"], deals: [], firstStage: "connect")
                    let meeting = InviteMeeting(event: event, context: context).meeting
                    _ = MeetingFileText.render(meeting, header: ["fuzz"], newCustomer: true)
                    guard let time = event.start.time, let zone = event.start.zone else { continue }
                    _ = try? CalendarWriter.event(CalendarBlock(
                        uid: "fuzz", summary: event.summary ?? "", description: event.description ?? "",
                        callDate: event.start.date, callTime: time, zone: zone, minutes: 30, gap: 0, stamp: 0))
                }
            }
        }
    }
}

#if FUZZING
/// libFuzzer's driver, from the runtime that -sanitize=fuzzer links.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's `main` to this symbol; here it hands over to libFuzzer
/// (scripts/fuzz builds with -sanitize=fuzzer,address -DFUZZING).
@_cdecl("callprep_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOne)
}

/// One input, as libFuzzer calls it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ start: UnsafePointer<UInt8>?, _ length: Int) -> CInt {
    FuzzTarget.current.run(start.map { Data(bytes: $0, count: length) } ?? Data())
    return 0
}
#else
/// Without libFuzzer: runs the target over the files given, to reproduce a crash it found.
@main
struct Reproduce {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTarget.current.run(data)
        }
    }
}
#endif
