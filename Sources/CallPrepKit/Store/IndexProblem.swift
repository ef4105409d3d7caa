import Foundation

/// Problems opening or writing the index, in plain words.
public enum IndexProblem: LocalizedError, Equatable, Sendable {
    case noIndex
    case cannotOpen(String)
    case damaged(String)
    case newerSchema
    case diskFull
    case cannotWrite(String)
    case readOnly(String)
    case busy
    case failed(String)
    /// The team index (PostgreSQL), named by its server.
    case badAddress(String)
    case unreachable(host: String, reason: String)
    case refused(host: String, reason: String)
    case teamNewerSchema(host: String, found: Int, known: Int)
    case teamBusy(host: String, workspace: String)
    case teamFailed(host: String, reason: String)
    case teamLost(host: String, reason: String)
    case notOnTeamIndex(String)

    public var errorDescription: String? {
        switch self {
        case .noIndex:
            "no index yet: run `callprep ingest debriefs`"
        case let .cannotOpen(reason):
            "cannot open the index: \(reason)"
        case let .damaged(reason):
            "the index is damaged (\(reason)); the debriefs are the source of truth: run `callprep ingest --rebuild debriefs`"
        case .newerSchema:
            "the index was written by a newer version of callprep; use that version, or run `callprep ingest --rebuild debriefs`"
        case .diskFull:
            "the disk is full: nothing was written, and the index is as it was before this run"
        case let .cannotWrite(reason):
            "the index could not be written to the disk (\(reason): is the disk full, or over a size limit?): "
                + "nothing was written, and the index is as it was before this run"
        case let .readOnly(reason):
            "the index cannot be written (\(reason)): nothing was written, and the index is as it was before this run"
        case .busy:
            "another callprep kept the index busy for over \(Int(IndexStore.busyTimeout)) seconds; try again when it is done"
        case let .failed(reason):
            "the index could not be updated: \(reason); the index is as it was before this run"
        case let .badAddress(reason):
            "not a team index address: \(reason)"
        case let .unreachable(host, reason):
            "cannot reach the team index at \(host) (\(reason)): check that the server runs and the address is right, "
                + "then run this again; nothing was written"
        case let .refused(host, reason):
            "the team index at \(host) refused the connection (\(reason)): check the user and the password "
                + "(in the URL, PGPASSWORD or ~/.pgpass) and that the database exists"
        case let .teamNewerSchema(host, found, known):
            "the team index at \(host) has schema version \(found), newer than this callprep's \(known): "
                + "use a newer callprep; nothing was written"
        case let .teamBusy(host, workspace):
            "another ingest into workspace '\(workspace)' at \(host) held it for over \(PostgresSession.lockTimeout) "
                + "seconds; run this again when it is done; nothing was written"
        case let .teamFailed(host, reason):
            "the team index at \(host) could not be updated (\(reason)); the index is as it was before this run"
        case let .teamLost(host, reason):
            "lost the connection to the team index at \(host) (\(reason)): the index is as it was before this run; "
                + "run this again when the server is back"
        case let .notOnTeamIndex(what):
            "\(what) does not work with a team index (PostgreSQL)"
        }
    }
}
