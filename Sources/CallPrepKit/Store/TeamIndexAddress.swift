import Foundation

/// Where a team index lives: a PostgreSQL server named by a libpq-style URL
/// (`postgres://USER[:PASSWORD]@HOST[:PORT]/DB?sslmode=...&host=/socket/folder`), and the
/// workspace (one team) whose rows a run reads and writes. The password comes from the URL, else
/// `PGPASSWORD`, else the password file (`PGPASSFILE`, else `~/.pgpass`), as libpq looks for it;
/// `description` never shows it.
public struct TeamIndexAddress: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    /// A host name or address; nil with a Unix socket.
    public var host: String?
    /// The folder of the server's Unix socket (`.s.PGSQL.PORT` in it).
    public var socketFolder: String?
    public var port: Int
    public var database: String
    public var tls: TLSMode
    /// `sslrootcert`: the certificate authorities to trust for `verify-ca` and `verify-full`.
    public var rootCertificate: String?
    /// Seconds to wait for the server to answer a connection (`connect_timeout`).
    public var connectTimeout: Int
    /// One team's rows in a shared database (`--workspace`).
    public var workspace: String

    public static let defaultWorkspace = "default"

    /// Whether `text` names a team index rather than an SQLite file.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// What messages call the server: the URL without its password or parameters (but the
    /// socket's folder).
    public var description: String {
        if let socketFolder { return "postgres://\(user)@localhost:\(port)/\(database)?host=\(socketFolder)" }
        let host = self.host ?? "localhost"
        return "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    /// The host and port, or the socket, as a message names them.
    public var hostDescription: String {
        if let socketFolder { return "\(socketFolder)/.s.PGSQL.\(port)" }
        return "\(host ?? "localhost"):\(port)"
    }

    /// Reads `text`; `environment` gives `PGPASSWORD`, `PGPASSFILE`, `PGUSER` and `HOME`.
    public init(_ text: String, workspace: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(DiagnosticError) {
        func bad(_ reason: String) -> DiagnosticError {
            DiagnosticError([Diagnostic(file: Self.redacted(text), IndexProblem.badAddress(reason))])
        }
        guard Self.isAddress(text), let components = URLComponents(string: text) else {
            throw bad("not a URL such as postgres://callprep@db.example.com:5432/callprep")
        }
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
        let known: Set = ["sslmode", "host", "port", "user", "password", "dbname", "connect_timeout", "sslrootcert",
                          "application_name"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw bad("unknown parameter '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        user = parameters["user"] ?? components.percentEncodedUser?.removingPercentEncoding
            ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let host = parameters["host"] ?? components.percentEncodedHost?.removingPercentEncoding.flatMap {
            $0.isEmpty ? nil : $0
        }
        if let host, host.hasPrefix("/") {
            socketFolder = host
            self.host = nil
        } else {
            socketFolder = nil
            self.host = host.map { $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 }
        }
        let portText = parameters["port"] ?? components.port.map(String.init)
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else { throw bad("the port must be 1 to 65535") }
            self.port = port
        } else {
            port = 5432
        }
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        database = parameters["dbname"] ?? (path.hasPrefix("/") ? String(path.dropFirst()) : path)
        if database.isEmpty { database = user }
        guard let mode = TLSMode(rawValue: parameters["sslmode"] ?? "prefer") else {
            throw bad("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        tls = socketFolder == nil ? mode : .disable
        rootCertificate = parameters["sslrootcert"]
        let timeout = parameters["connect_timeout"] ?? "10"
        guard let seconds = Int(timeout), (1...600).contains(seconds) else {
            throw bad("connect_timeout must be 1 to 600 seconds")
        }
        connectTimeout = seconds
        self.workspace = workspace ?? Self.defaultWorkspace
        guard !self.workspace.isEmpty, self.workspace.count <= 200 else {
            throw bad("the workspace name must be 1 to 200 characters")
        }
        password = parameters["password"] ?? components.percentEncodedPassword?.removingPercentEncoding
            ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if password == nil {
            let file = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
            password = file.flatMap { Self.passwordFile($0, for: self) }
        }
    }

    /// `text` with any password in it replaced by `***`, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "the index address" }
        if components.password != nil { components.password = "***" }
        if let items = components.queryItems {
            components.queryItems = items.map { $0.name == "password" ? URLQueryItem(name: $0.name, value: "***") : $0 }
        }
        return components.string ?? "the index address"
    }

    /// The password for `address` in a libpq password file (`host:port:database:user:password`,
    /// `*` for any, `\:` and `\\` escaped); like libpq, a file others may read is passed over.
    static func passwordFile(_ path: String, for address: TeamIndexAddress) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let host = address.socketFolder == nil ? (address.host ?? "localhost") : "localhost"
        let wanted = [host, String(address.port), address.database, address.user]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = [], field = "", escaped = false
            for character in line {
                if escaped { field.append(character); escaped = false; continue }
                if character == "\\" { escaped = true } else if character == ":" { fields.append(field); field = "" } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
