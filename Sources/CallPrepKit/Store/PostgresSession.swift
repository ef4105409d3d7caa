import Foundation
import PostgresNIO

/// One connection to the team index's server, used synchronously: the one bridge between
/// callprep's synchronous runs and PostgresNIO. Each query is an `EventLoopFuture` that runs on
/// NIO's own event-loop thread while the calling thread waits for it (never a thread of Swift's
/// cooperative pool, which a blocked caller could starve), and every wait is bounded.
final class PostgresSession: @unchecked Sendable {
    let address: TeamIndexAddress
    private let connection: PostgresConnection
    /// PostgresNIO's log: nothing below critical, so that a failure is said once, by callprep.
    private static let logger: Logger = {
        var logger = Logger(label: "callprep.team-index")
        logger.logLevel = .critical
        return logger
    }()
    /// How long one statement may take before the server cancels it; and the client's own limit,
    /// a little longer, for a server that stops answering altogether.
    static let statementTimeout = 300
    /// How long an ingest waits for another one of the same workspace (the advisory lock).
    static let lockTimeout = 120
    /// Attempts at connecting, for a server that is restarting or a network that drops one packet.
    static let connectAttempts = 3

    private init(address: TeamIndexAddress, connection: PostgresConnection) {
        self.address = address
        self.connection = connection
    }

    deinit {
        if !connection.isClosed { try? connection.close().wait() }
    }

    /// Connects, trying again a bounded number of times when the server cannot be reached (not
    /// when it refuses the user or the password), and sets the session's time limits.
    static func connect(_ address: TeamIndexAddress) throws -> PostgresSession {
        var configuration: PostgresConnection.Configuration
        if let socket = address.socketFolder {
            configuration = .init(unixSocketPath: "\(socket)/.s.PGSQL.\(address.port)", username: address.user,
                                  password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host ?? "localhost", port: address.port, username: address.user,
                                  password: address.password, database: address.database, tls: try tls(address))
        }
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", "callprep")]
        var attempt = 1
        while true {
            do {
                let connection = try PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
                ).wait()
                let session = PostgresSession(address: address, connection: connection)
                try session.execute("SET statement_timeout = '\(statementTimeout)s'")
                try session.execute("SET lock_timeout = '\(lockTimeout)s'")
                return session
            } catch let error as PSQLError where attempt < connectAttempts && error.serverInfo == nil {
                Thread.sleep(forTimeInterval: 0.5 * Double(attempt))
                attempt += 1
            }
        }
    }

    private static func tls(_ address: TeamIndexAddress) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch address.tls {
        case .disable: return .disable
        case .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = address.rootCertificate { tls.trustRoots = .file(root) }
        let context = try NIOSSLContext(configuration: tls)
        if address.tls == .allow || address.tls == .prefer { return .prefer(context) }
        return .require(context)
    }

    /// Why the connection is gone, once it is: later statements fail at once with it, instead of
    /// waiting on a connection that will never answer (the ROLLBACK and unlock after a failure).
    private var lost: (any Error)?

    /// The rows of one statement.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        if let lost { throw lost }
        if connection.isClosed {
            lost = PostgresSessionLost()
            throw PostgresSessionLost()
        }
        do {
            let future = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger)
            return try bounded(future).rows
        } catch {
            // A problem of the statement leaves the connection usable; any other, or the server
            // shutting down (SQLSTATE class 57), does not.
            let state = (error as? PSQLError)?.serverInfo?[.sqlState]
            if state == nil || state?.hasPrefix("57") == true || connection.isClosed { lost = error }
            throw error
        }
    }

    /// Runs statements that return nothing of interest.
    func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws {
        try query(sql, binds)
    }

    /// Waits for `future` at most a little longer than the server's own statement timeout; past
    /// that the server is taken for gone, and the connection is closed.
    private func bounded<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let promise = future.eventLoop.makePromise(of: T.self)
        let deadline = future.eventLoop.scheduleTask(in: .seconds(Int64(Self.statementTimeout + 30))) { [connection] in
            promise.fail(PostgresSessionTimeout())
            let closing: EventLoopFuture<Void> = connection.close()
            _ = closing
        }
        future.whenComplete { result in
            deadline.cancel()
            promise.completeWith(result)
        }
        return try promise.futureResult.wait()
    }
}

/// The server gave no answer in time.
struct PostgresSessionTimeout: Error {}

/// The connection closed under a run.
struct PostgresSessionLost: Error {}

extension PostgresBindings {
    /// Binds `values` in order, nil as NULL.
    mutating func append(all values: [(any PostgresDynamicTypeEncodable)?]) {
        for value in values {
            if let value { append(value) } else { appendNull() }
        }
    }

    init(_ values: (any PostgresDynamicTypeEncodable)?...) {
        self.init(capacity: values.count)
        append(all: values)
    }
}
