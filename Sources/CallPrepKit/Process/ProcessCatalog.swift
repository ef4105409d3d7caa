import Foundation

/// The process of each id, as the stages after `Process/` get it: a plain lookup, so that `Score/`
/// and `Report/` never load a file.
public typealias ProcessLookup = @Sendable (String) -> SalesProcess?

/// Finds the process a debrief names (DESIGN section 3): `--process` when given; else the process
/// of that id in the workspace (`process.yaml` or `processes/*.yaml`) or built in; with no id,
/// `./process.yaml`, else the built-in default. Each file is loaded once per run. Safe to share
/// between threads.
public final class ProcessCatalog: @unchecked Sendable {
    /// The process given with `--process`, which every debrief then uses.
    public let explicitProcess: SalesProcess?
    private let workspace: String
    private let lock = NSLock()
    /// The workspace's own processes by id, once read.
    private var ownProcesses: [String: SalesProcess]?
    /// Built-in processes by id, each loaded when first asked for.
    private var builtins: [String: SalesProcess] = [:]
    private lazy var workspaceDefault: SalesProcess? = try? ProcessResolver.resolve(nil, in: workspace)

    /// Loads `--process` at once, so a broken one fails before any debrief is read.
    public init(explicit: String?, workspace: String = ".") throws(DiagnosticError) {
        explicitProcess = try explicit.map { name throws(DiagnosticError) in try ProcessResolver.resolve(name, in: workspace) }
        self.workspace = workspace
    }

    /// The process for a debrief whose front matter names `id`; nil when no process has that id.
    public func process(id: String?) -> SalesProcess? {
        if let explicitProcess { return explicitProcess }
        return lock.withLock {
            guard let id else { return workspaceDefault }
            return workspaceFiles()[id] ?? builtin(id)
        }
    }

    /// This catalog as a plain lookup, by the id a debrief names.
    public var lookup: ProcessLookup { { [self] id in process(id: id) } }

    /// Ids of every process this catalog can find, for messages.
    public var availableIDs: [String] {
        explicitProcess.map { [$0.id] } ?? lock.withLock {
            Set(workspaceFiles().keys).union(ProcessResolver.builtinIDs.filter { builtin($0) != nil }).sorted()
        }
    }

    /// A built-in process, loaded only when a debrief names it (a `check` of one file then reads
    /// one process, not every built-in one). Call with `lock` held.
    private func builtin(_ id: String) -> SalesProcess? {
        if let loaded = builtins[id] { return loaded }
        guard ProcessResolver.builtinIDs.contains(id), let source = ProcessResolver.builtinSource(id),
              let process = try? ProcessLoader.load(source) else { return nil }
        builtins[id] = process
        return process
    }

    /// Call with `lock` held.
    private func workspaceFiles() -> [String: SalesProcess] {
        if let ownProcesses { return ownProcesses }
        var found: [String: SalesProcess] = [:]
        let folder = (workspace as NSString).appendingPathComponent("processes")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
        // Workspace files first, so that they win over a built-in process of the same id.
        for path in [(workspace as NSString).appendingPathComponent("process.yaml")] + files {
            guard FileManager.default.fileExists(atPath: path), let process = try? ProcessLoader.load(path: path),
                  found[process.id] == nil else { continue }
            found[process.id] = process
        }
        ownProcesses = found
        return found
    }
}
