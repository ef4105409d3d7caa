import Foundation

extension Workspace {
    /// `callprep index migrate`: brings a team index's schema to this callprep's version (as the
    /// first run of any command would), and says what it did.
    public func migrateTeamIndex(_ given: String) throws(DiagnosticError) -> String {
        let store = try teamIndex(given, migrating: false)
        let applied = try store.migrate()
        let (found, _) = try store.schemaVersions()
        guard let first = applied.first else { return "\(store.path): schema version \(found), up to date." }
        return "\(store.path): schema version \(found) (applied \(first == found ? "\(found)" : "\(first) to \(found)"))."
    }

    /// `callprep index status`: a team index's schema version and what each workspace holds,
    /// without changing anything.
    public func teamIndexStatus(_ given: String) throws(DiagnosticError) -> String {
        let store = try teamIndex(given, migrating: false)
        let (found, known) = try store.schemaVersions()
        let state = found == known ? "up to date" : found < known ? "older: `callprep index migrate` brings it up to date"
            : "newer than this callprep's \(known): use a newer callprep"
        var lines = ["Team index: \(store.path)", "Schema version: \(found) (this callprep: \(known)), \(state)"]
        let workspaces = try store.workspaces()
        lines.append(workspaces.isEmpty ? "Workspaces: none yet" : "Workspaces:")
        for workspace in workspaces {
            lines.append("  \(workspace.name): \(IngestSummary.debriefs(workspace.debriefs)), latest call \(workspace.latest)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func teamIndex(_ given: String, migrating: Bool) throws(DiagnosticError) -> PostgresStore {
        guard TeamIndexAddress.isAddress(given) else {
            throw DiagnosticError([Diagnostic(file: given, IndexProblem.notOnTeamIndex(
                "`callprep index` is for a team index (postgres://...); an SQLite index"))])
        }
        return try PostgresStore(address: TeamIndexAddress(given, workspace: teamWorkspace), migrating: migrating)
    }
}
