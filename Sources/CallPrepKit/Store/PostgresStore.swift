import Foundation
import PostgresNIO

/// The team index: the same index as `IndexStore`'s, in a PostgreSQL database shared by a team
/// (or several, one `workspace` each), written by CI and read by leads and BI tools. The schema
/// is `TeamIndexSchema`'s; reads are in PostgresReads.swift, writes in PostgresWriter.swift.
///
/// Unlike an SQLite file it is not a cache of one checkout: files are compared by content hash
/// alone (CI clones have fresh times), an ingest holds an advisory lock per workspace, and every
/// write of a run lands in one transaction, so a run stopped by a lost server leaves it as it was.
public final class PostgresStore: DebriefIndex {
    public let address: TeamIndexAddress
    let session: PostgresSession
    /// How many `updating` calls are running: the advisory lock is held while above 0.
    private var turns = 0

    /// What messages call the index: its URL without the password.
    public var path: String { address.description }
    var workspace: String { address.workspace }

    /// Connects to the server and brings its schema up to date (`TeamIndexSchema`), or refuses
    /// a schema newer than this callprep knows; `migrating: false` leaves the schema as it is.
    public init(address: TeamIndexAddress, migrating: Bool = true) throws(DiagnosticError) {
        self.address = address
        do {
            session = try PostgresSession.connect(address)
        } catch {
            throw Self.failure(error, address: address, connecting: true)
        }
        if migrating { try migrate() }
    }

    /// Each workspace the database holds, with its debriefs and latest call, by name.
    public func workspaces() throws(DiagnosticError) -> [(name: String, debriefs: Int, latest: String)] {
        try guarded {
            guard try currentVersion() > 0 else { return [] }
            return try session.query("SELECT workspace, COUNT(*), max(date) FROM debriefs GROUP BY 1 ORDER BY 1").map {
                let (name, debriefs, latest) = try $0.decode((String, Int, String).self)
                return (name, debriefs, latest)
            }
        }
    }

    /// The schema version the server holds (0 for none), and the one this callprep writes.
    public func schemaVersions() throws(DiagnosticError) -> (found: Int, known: Int) {
        try guarded { (try currentVersion(), TeamIndexSchema.latest) }
    }

    private func currentVersion() throws -> Int {
        let exists = try session.query("SELECT to_regclass('schema_version') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else { return 0 }
        return try session.query("SELECT COALESCE(max(version), 0) FROM schema_version").first?.decode(Int.self) ?? 0
    }

    /// Applies the migrations the database lacks, one transaction under a lock of their own, so
    /// that two first runs at once migrate once. Returns the versions applied.
    @discardableResult
    public func migrate() throws(DiagnosticError) -> [Int] {
        let found = try guarded { try currentVersion() }
        if found > TeamIndexSchema.latest { throw newerSchema(found) }
        if found == TeamIndexSchema.latest { return [] }
        return try transaction { () throws -> [Int] in
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.lockClass), 0)")
            try session.execute(TeamIndexSchema.versionTable)
            let now = try currentVersion()
            if now > TeamIndexSchema.latest { throw newerSchema(now) }
            var applied: [Int] = []
            for version in (now + 1)..<(TeamIndexSchema.latest + 1) {
                for statement in TeamIndexSchema.migrations[version - 1].components(separatedBy: ";\n")
                    where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    try session.execute(statement)
                }
                try session.execute("INSERT INTO schema_version (version, callprep_version) VALUES ($1, $2)",
                                    PostgresBindings(version, CallPrepVersion.current))
                applied.append(version)
            }
            return applied
        }
    }

    private func newerSchema(_ found: Int) -> DiagnosticError {
        DiagnosticError([Diagnostic(file: path, IndexProblem.teamNewerSchema(host: address.hostDescription, found: found,
                                                                              known: TeamIndexSchema.latest))])
    }

    /// The first key of callprep's advisory locks (the second: 0 for migrations, the workspace's hash).
    static let lockClass = 0x6361_6C6C

    /// Runs `body` holding the workspace's advisory lock (a session lock, waited for at most
    /// `PostgresSession.lockTimeout` seconds): two ingests of one workspace take turns, whatever
    /// machines they run on; other workspaces are not held up.
    public func updating<T>(_ body: () throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        if turns == 0 {
            try guarded {
                try session.execute("SELECT pg_advisory_lock(\(Self.lockClass), hashtext($1))", PostgresBindings(workspace))
            }
        }
        turns += 1
        defer {
            turns -= 1
            if turns == 0 {
                _ = try? session.execute("SELECT pg_advisory_unlock(\(Self.lockClass), hashtext($1))",
                                         PostgresBindings(workspace))
            }
        }
        return try body()
    }

    /// Runs `body` in one transaction holding the workspace's lock: its writes, buffered by the
    /// writer and sent in batches, all land at the commit, or none.
    public func write<T>(_ body: (any DebriefIndexWriter) throws -> T) throws(DiagnosticError) -> T {
        try transaction { () throws -> T in
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.lockClass), hashtext($1))", PostgresBindings(workspace))
            let writer = PostgresWriter(store: self)
            let result = try body(writer)
            try writer.flush()
            return result
        }
    }

    /// `body` between BEGIN and COMMIT; rolled back on any error.
    private func transaction<T>(_ body: () throws -> T) throws(DiagnosticError) -> T {
        try guarded {
            try session.execute("BEGIN")
            do {
                let result = try body()
                try session.execute("COMMIT")
                return result
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Not offered: a debrief read from standard input is added to a copy of the index for one run,
    /// and a team index is not copied to one machine. `--as PATH` stores it instead.
    public func inMemoryCopy() throws(DiagnosticError) -> any DebriefIndex {
        throw DiagnosticError([Diagnostic(file: path, IndexProblem.notOnTeamIndex(
            "a debrief read from '-' for one run only (save it, or name it with --as PATH to store it)"))])
    }

    /// `body`, its errors said in plain words, naming the server.
    func guarded<T>(_ body: () throws -> T) throws(DiagnosticError) -> T {
        do {
            return try body()
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw Self.failure(error, address: address, connecting: false)
        }
    }

    /// An error of PostgresNIO or the network as one line naming the server and what to do.
    static func failure(_ error: any Error, address: TeamIndexAddress, connecting: Bool) -> DiagnosticError {
        let host = address.hostDescription
        let problem: IndexProblem
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? Self.reason(error)
            switch state {
            case "28P01", "28000", "3D000", "42501": problem = .refused(host: host, reason: message)
            case "55P03": problem = .teamBusy(host: host, workspace: address.workspace)
            case "57P01", "57P02", "57P03": problem = .teamLost(host: host, reason: message)
            case "": problem = connecting ? .unreachable(host: host, reason: message)
                : .teamLost(host: host, reason: message)
            default:
                problem = error.code == .unsupportedAuthMechanism || error.code == .authMechanismRequiresPassword
                    ? .refused(host: host, reason: message) : .teamFailed(host: host, reason: message)
            }
        } else if error is PostgresSessionLost {
            problem = .teamLost(host: host, reason: "the connection closed")
        } else if error is PostgresSessionTimeout {
            problem = .teamLost(host: host, reason: "no answer in \(PostgresSession.statementTimeout + 30) seconds")
        } else {
            let reason = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            problem = connecting ? .unreachable(host: host, reason: reason) : .teamFailed(host: host, reason: reason)
        }
        return DiagnosticError([Diagnostic(file: address.description, problem)])
    }

    /// What went wrong below the protocol (a refused connection, a closed socket), in a few words.
    private static func reason(_ error: PSQLError) -> String {
        if let underlying = error.underlying {
            let text = "\(underlying)"
            if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
            if text.contains("No such file") { return "no server socket there" }
            if text.contains("connectTimeout") || text.contains("timed out") { return "no answer in time" }
            return text.split(separator: "\n").first.map(String.init) ?? text
        }
        switch error.code {
        case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
        case .clientClosedConnection: return "the connection was closed"
        case .sslUnsupported: return "the server does not offer TLS, which sslmode asks for"
        case .authMechanismRequiresPassword: return "the server asks for a password, and none was given"
        default: return error.code.description
        }
    }
}
