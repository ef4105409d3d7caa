import Foundation
import Testing
@testable import CallPrepKit

/// A throwaway PostgreSQL cluster of the tests' own: `initdb` into a temporary folder, a server
/// on a free loopback port and a Unix socket in that folder, stopped and removed when the test
/// process ends, however it ends (an exit handler, and a watcher process for a crash). As root
/// (CI), the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
final class TestPostgres: @unchecked Sendable {
    let folder: URL
    let port: Int
    /// The superuser's password, for connections over TCP (the socket trusts local users).
    let password = "pw-" + UUID().uuidString.prefix(8)
    let user = "callprep"
    private let bin: String
    private let name: String
    private var databases = 0
    private let lock = NSLock()

    nonisolated(unsafe) private static var running: [TestPostgres] = []
    private static let registry = NSLock()
    private static let sharing = NSLock()
    nonisolated(unsafe) private static var sharedCluster: Result<TestPostgres, any Error>?

    /// The cluster most tests share (each in a database of its own), started at the first need.
    static func shared() throws -> TestPostgres {
        sharing.lock()
        defer { sharing.unlock() }
        if sharedCluster == nil { sharedCluster = Result { try TestPostgres(name: "shared") } }
        return try sharedCluster!.get()
    }

    /// Initialises and starts a new cluster.
    init(name: String) throws {
        self.name = name
        let candidates = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" } ?? []
        guard let bin = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }) else {
            throw TestPostgresError("no PostgreSQL server installed (scripts/test installs Debian's postgresql)")
        }
        self.bin = bin
        folder = URL(fileURLWithPath: "/tmp/callprep-pg-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        try password.write(to: folder.appendingPathComponent("pwfile"), atomically: true, encoding: .utf8)
        if getuid() == 0 { try Self.command(["/bin/chown", "-R", "postgres:postgres", folder.path]) }
        try asServerUser([bin + "/initdb", "-D", folder.appendingPathComponent("data").path, "-U", user, "-E", "UTF8",
                          "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256",
                          "--pwfile=" + folder.appendingPathComponent("pwfile").path, "--no-sync"])
        Self.registry.lock()
        Self.running.append(self)
        if Self.running.count == 1 { atexit { TestPostgres.stopAll() } }
        Self.registry.unlock()
        try watch()
        try start()
    }

    /// Starts the server (again, after `stop`).
    func start() throws {
        try asServerUser([bin + "/pg_ctl", "-D", folder.appendingPathComponent("data").path, "-l",
                          folder.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o",
                          "-k \(folder.path) -p \(port) -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off",
                          "start"])
        print("PostgreSQL test cluster '\(name)' started: 127.0.0.1:\(port), socket in \(folder.path)")
    }

    /// Stops the server: `fast` ends every session with an error, `immediate` as if it crashed.
    func stop(mode: String = "fast") throws {
        try asServerUser([bin + "/pg_ctl", "-D", folder.appendingPathComponent("data").path, "-m", mode, "-w", "stop"])
        print("PostgreSQL test cluster '\(name)' stopped (\(mode))")
    }

    /// A new, empty database; its URL through the Unix socket.
    func database() throws -> String {
        lock.lock()
        databases += 1
        let name = "t\(databases)"
        lock.unlock()
        _ = try psql("postgres", "CREATE DATABASE \(name)")
        return url(name)
    }

    func url(_ database: String) -> String {
        "postgres://\(user)@localhost:\(port)/\(database)?host=\(folder.path)"
    }

    /// The URL of `database` over TCP, with the password in it or not.
    func tcpURL(_ database: String, password: String? = nil) -> String {
        "postgres://\(user)\(password.map { ":\($0)" } ?? "")@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// What psql prints for `sql` (unaligned, tuples only, `|` between columns).
    func psql(_ database: String, _ sql: String) throws -> String {
        let result = try CallPrepBinary.runCommand(
            [bin + "/psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder.path, "-p", String(port),
             "-U", user, "-d", database, "-c", sql], timeout: 120)
        guard result.status == 0 else { throw TestPostgresError("psql: \(result.stderr)") }
        return result.stdout
    }

    /// The database name of a URL made by `database()`.
    static func databaseName(_ url: String) -> String {
        URLComponents(string: url).map { String($0.path.dropFirst()) } ?? ""
    }

    private func asServerUser(_ command: [String]) throws {
        try Self.command(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + command : command)
    }

    /// A process that stops and removes the cluster once the tests' process is gone, should it
    /// end without running its exit handlers.
    private func watch() throws {
        let data = folder.appendingPathComponent("data").path
        let stop = (getuid() == 0 ? "/usr/sbin/runuser -u postgres -- " : "") + "\(bin)/pg_ctl -D '\(data)' -m immediate stop"
        let pid = getpid()
        let script = "while [ -e /proc/\(pid) ] && ! grep -q '^State:.*zombie' /proc/\(pid)/status; do sleep 1; done; "
            + "[ -d '\(data)' ] && \(stop) >/dev/null 2>&1; rm -rf '\(folder.path)'"
        // Started through a shell that leaves it behind at once: a process of its own session,
        // which no one here waits for.
        try Self.command(["/bin/sh", "-c", "setsid /bin/sh -c \"$0\" </dev/null >/dev/null 2>&1 &", script])
    }

    /// Stops and removes every cluster: at the end of the tests' process.
    static func stopAll() {
        for cluster in running {
            let data = cluster.folder.appendingPathComponent("data").path
            if FileManager.default.fileExists(atPath: data + "/postmaster.pid") { try? cluster.stop(mode: "fast") }
            try? FileManager.default.removeItem(at: cluster.folder)
            print("PostgreSQL test cluster '\(cluster.name)' removed: \(cluster.folder.path)")
        }
        running = []
    }

    /// Runs `command` to its end, its output into a file, through posix_spawn and a blocking
    /// waitpid: commands that leave a server or a watcher running behind them (`pg_ctl start`)
    /// kept Foundation's `Process` waiting for an exit it had missed.
    private static func command(_ command: [String]) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("callprep-pg-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid = pid_t()
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, command[0], &actions, nil, arguments, environ)
        guard spawned == 0 else { throw TestPostgresError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw TestPostgresError("\(command.joined(separator: " ")) failed (\(status)): \(text)")
        }
    }

    /// A loopback port no one listens on now.
    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw TestPostgresError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct TestPostgresError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The two stores the store suite runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A fresh, empty index of this kind: a file in `folder`, or a new database of the shared cluster.
    func freshIndex(in folder: URL) throws -> String {
        switch self {
        case .sqlite: folder.appendingPathComponent("index-\(UUID().uuidString.prefix(8)).sqlite").path
        case .postgres: try TestPostgres.shared().database()
        }
    }

    /// The index `given` opened, as commands open it.
    static func open(_ given: String) throws -> any DebriefIndex {
        try Workspace(folder: TestSupport.temporaryFolder().path).openIndex(given, create: true)
    }
}
