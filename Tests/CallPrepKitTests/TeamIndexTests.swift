import Foundation
import Testing
@testable import CallPrepKit

/// The team index (PostgreSQL) through the built binary, on the tests' own server.
@Suite("The team index")
struct TeamIndexTests {
    /// A workspace of the scoring fixtures and the northwind history, with its follow-up meeting.
    static func workspace() throws -> URL {
        let history = TestSupport.fixture("history/northwind-2026-12-03-debrief.md")
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures + [history])
        try FileManager.default.copyItem(at: TestSupport.fixture("history/northwind-2026-12-10.yaml"),
                                         to: folder.appendingPathComponent("northwind-2026-12-10.yaml"))
        // status and agenda read meetings/.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("meetings"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.fixture("history/northwind-2026-12-10.yaml"),
                                         to: folder.appendingPathComponent("meetings/northwind-2026-12-10.yaml"))
        return folder
    }

    /// Every command that reads or writes the index, with the same output from both stores.
    @Test func everyCommandGivesTheSameOutputOnBothStores() throws {
        let folder = try Self.workspace()
        let sqlite = folder.appendingPathComponent("team.sqlite").path
        let postgres = try TestPostgres.shared().database()
        let commands: [[String]] = [
            ["ingest", "debriefs"],
            ["ingest", "debriefs"],
            ["report"], ["report", "--format", "json"], ["report", "--format", "csv", "--by", "milestone"],
            ["report", "--by", "stage"], ["report", "--rep", "dana whitfield"], ["report", "--since", "2027-01-01"],
            ["report", "--disagreements"], ["report", "--disagreements", "--format", "json"],
            ["report", "--format", "html"],
            ["coach"], ["coach", "--format", "json"],
            ["next-steps", "--date", "2026-12-20"], ["next-steps", "--date", "2026-12-20", "--format", "csv"],
            ["review"], ["review", "--format", "json"],
            ["brief", "northwind-2026-12-10.yaml"], ["form", "northwind-2026-12-10.yaml"],
            ["status", "--date", "2026-12-20"], ["status", "--date", "2027-03-01", "--format", "json"],
            ["agenda", "--date", "2026-12-10"], ["agenda", "--date", "2026-12-10", "--format", "json"],
            ["agenda", "--date", "2026-12-11"],
        ]
        for command in commands {
            let onFile = try CallPrepBinary.run(command + ["--index", sqlite], in: folder, timeout: 120)
            let onServer = try CallPrepBinary.run(command + ["--index", postgres], in: folder, timeout: 120)
            #expect(onFile.status == 0 && onServer.status == 0, "\(command): \(onFile.stderr) \(onServer.stderr)")
            #expect(!onFile.stdout.isEmpty && onServer.stdout == onFile.stdout, "\(command.joined(separator: " "))")
        }
        // The index's debriefs are debriefs/'s: status and agenda say the same from either.
        for command in [["status", "--date", "2026-12-20"], ["agenda", "--date", "2026-12-10"]] {
            let fromFolder = try CallPrepBinary.run(command, in: folder, timeout: 120)
            let fromServer = try CallPrepBinary.run(command + ["--index", postgres], in: folder, timeout: 120)
            #expect(fromFolder.status == 0 && fromServer.stdout == fromFolder.stdout, "\(command)")
        }
        // CALLPREP_INDEX names it as --index does.
        for command in [["report", "--format", "csv"], ["status", "--date", "2026-12-20"], ["agenda", "--date", "2026-12-10"]] {
            let named = try CallPrepBinary.runCommand([CallPrepBinary.url.path] + command + ["--index", postgres], in: folder,
                                                      timeout: 120)
            let fromEnvironment = try CallPrepBinary.runCommand([CallPrepBinary.url.path] + command, in: folder, timeout: 120,
                                                                environment: ["CALLPREP_INDEX": postgres])
            #expect(named.status == 0 && fromEnvironment.status == 0 && fromEnvironment.stdout == named.stdout, "\(command)")
        }
        // The index is read, not the folder: a team index holding one debrief shows that one alone.
        let one = try TestPostgres.shared().database()
        #expect(try CallPrepBinary.run(["ingest", "debriefs/stage-ahead.md", "--index", one], in: folder, timeout: 120).status == 0)
        let fromIndex = try CallPrepBinary.run(["status", "--date", "2027-03-01", "--index", one], in: folder, timeout: 120)
        let fromFiles = try CallPrepBinary.run(["status", "--date", "2027-03-01"], in: folder, timeout: 120)
        let waiting = "Debriefs waiting for a manager's review: "
        #expect(fromIndex.stdout.contains(waiting + "1\n  debriefs/stage-ahead.md ·") && fromFiles.stdout.contains(waiting + "3\n"),
                "\(fromIndex.stdout)")
    }

    /// docs/team-index.md: its sample queries run on an ingested index and answer, and its tables
    /// list exactly the columns and types of the schema.
    @Test func theDocumentedSchemaAndSampleQueriesHold() throws {
        let folder = try Self.workspace()
        let cluster = try TestPostgres.shared()
        let url = try cluster.database()
        let database = TestPostgres.databaseName(url)
        #expect(try CallPrepBinary.run(["ingest", "debriefs", "--index", url], in: folder, timeout: 120).status == 0)
        let page = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/team-index.md"))

        let queries = page.components(separatedBy: "```sql\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(queries.count == 4)
        // The fixtures' calls are in 2026 and 2027: the overdue steps are asked as of 2027-03-01.
        let answers = try queries.map { query in
            try cluster.psql(database, query.replacingOccurrences(of: "current_date", with: "date '2027-03-01'"))
        }
        for (query, answer) in zip(queries, answers) { #expect(!answer.isEmpty, "\(query)") }
        #expect(answers[1].hasPrefix("b2b|"))
        #expect(answers[2].contains("|Send the savings case|Dana Whitfield|2026-12-08|"), "\(answers[2])")
        let byRepAndMonth = try cluster.psql(database, queries[0])
        #expect(byRepAndMonth.contains("Dana Whitfield|2026-11|3|33\n") && byRepAndMonth.contains("Priya Raman|2027-01|1|38"))

        var documented: [String: [String]] = [:]
        var table: String?
        for line in page.split(separator: "\n") {
            if line.hasPrefix("### `") { table = line.split(separator: "`")[1].description; continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let table, line.hasPrefix("| `"), cells.count >= 2 else { continue }
            documented[table, default: []].append("\(cells[0].replacingOccurrences(of: "`", with: ""))|\(cells[1])")
        }
        let actual = try cluster.psql(database, """
            SELECT table_name || '|' || column_name || '|' || data_type FROM information_schema.columns
            WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
            """).split(separator: "\n").map(String.init)
        var schema: [String: [String]] = [:]
        for line in actual {
            let parts = line.split(separator: "|", maxSplits: 1)
            schema[String(parts[0]), default: []].append(String(parts[1]))
        }
        #expect(documented == schema)
    }

    @Test func aNewerSchemaIsRefusedAndTheAdminCommandsSaySo() throws {
        let folder = try Self.workspace()
        let cluster = try TestPostgres.shared()
        let url = try cluster.database()
        let status = try CallPrepBinary.run(["index", "status", "--index", url], in: folder, timeout: 60)
        #expect(status.status == 0 && status.stdout.contains("Schema version: 0 (this callprep: 1), older"))
        let migrate = try CallPrepBinary.run(["index", "migrate", "--index", url], in: folder, timeout: 60)
        #expect(migrate.status == 0 && migrate.stdout.hasSuffix("schema version 1 (applied 1).\n"), "\(migrate.stdout)")
        #expect(try CallPrepBinary.run(["index", "migrate", "--index", url], in: folder).stdout.hasSuffix("up to date.\n"))
        #expect(try CallPrepBinary.run(["ingest", "debriefs", "--index", url, "--workspace", "emea"], in: folder).status == 0)
        let after = try CallPrepBinary.run(["index", "status", "--index", url], in: folder)
        #expect(after.stdout.hasSuffix("Workspaces:\n  emea: 6 debriefs, latest call 2027-02-03\n"), "\(after.stdout)")

        _ = try cluster.psql(TestPostgres.databaseName(url), "INSERT INTO schema_version VALUES (2, now(), 'later')")
        let refused = try CallPrepBinary.run(["report", "--index", url], in: folder, timeout: 60)
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasSuffix("has schema version 2, newer than this callprep's 1: use a newer callprep; "
            + "nothing was written\n") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    }

    /// Workspaces share a database and see only their own rows.
    @Test func workspacesKeepTeamsApart() throws {
        let folder = try Self.workspace()
        let url = try TestPostgres.shared().database()
        #expect(try CallPrepBinary.run(["ingest", "debriefs", "--index", url, "--workspace", "emea"], in: folder).status == 0)
        let other = try CallPrepBinary.run(["ingest", "debriefs/stage-ahead.md", "--index", url, "--workspace", "apac"],
                                           in: folder)
        #expect(other.stdout == "Indexed 1 new, 0 changed, 0 removed, 0 unchanged.\n")
        let emea = try CallPrepBinary.run(["report", "--format", "json", "--index", url, "--workspace", "emea"], in: folder)
        let apac = try CallPrepBinary.runCommand([CallPrepBinary.url.path, "report", "--format", "json", "--index", url],
                                                 in: folder, environment: ["CALLPREP_WORKSPACE": "apac"])
        #expect(emea.stdout.contains("\"debriefs\" : 6") && apac.stdout.contains("\"debriefs\" : 1"), "\(emea.stdout.prefix(300))")
        let onFile = try CallPrepBinary.run(["report", "--workspace", "emea"], in: folder)
        #expect(onFile.status == 64 && onFile.stderr.contains("--workspace names a team's rows in a team index"))
    }

    /// The password from the URL, PGPASSWORD or ~/.pgpass, over TCP (the server asks for one
    /// there); never in a message. A wrong one, or no server, is one line naming the host.
    @Test func passwordsAndUnreachableServers() throws {
        let folder = try Self.workspace()
        let cluster = try TestPostgres.shared()
        let database = TestPostgres.databaseName(try cluster.database())
        let ingest = ["ingest", "debriefs/stage-ahead.md", "--index"]
        let inURL = try CallPrepBinary.run(ingest + [cluster.tcpURL(database, password: cluster.password)], in: folder)
        #expect(inURL.status == 0, "\(inURL.stderr)")
        let home = try TestSupport.temporaryFolder()
        let fromEnvironment = try CallPrepBinary.runCommand([CallPrepBinary.url.path] + ingest + [cluster.tcpURL(database)],
                                                            in: folder, environment: ["PGPASSWORD": cluster.password,
                                                                                      "HOME": home.path])
        #expect(fromEnvironment.stdout == "Nothing changed: 1 debrief unchanged.\n", "\(fromEnvironment.stderr)")
        let passFile = home.appendingPathComponent(".pgpass")
        try "# host:port:database:user:password\n127.0.0.1:\(cluster.port):*:\(cluster.user):\(cluster.password)\n"
            .write(to: passFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passFile.path)
        let fromFile = try CallPrepBinary.runCommand([CallPrepBinary.url.path] + ingest + [cluster.tcpURL(database)],
                                                     in: folder, environment: ["HOME": home.path])
        #expect(fromFile.stdout == "Nothing changed: 1 debrief unchanged.\n", "\(fromFile.stderr)")

        let wrong = try CallPrepBinary.run(ingest + [cluster.tcpURL(database, password: "not-it")], in: folder, timeout: 60)
        #expect(wrong.status == 1 && wrong.stderr.split(separator: "\n").count == 1)
        #expect(wrong.stderr.hasPrefix("postgres://callprep@127.0.0.1:\(cluster.port)/\(database):1:1: error: the team index at "
            + "127.0.0.1:\(cluster.port) refused the connection (") && !wrong.stderr.contains("not-it"), "\(wrong.stderr)")

        let started = Date()
        let nobody = try CallPrepBinary.run(["report", "--index", "postgres://callprep:secret@127.0.0.1:1/x?connect_timeout=2"],
                                            in: folder, timeout: 60)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(nobody.status == 1 && nobody.stderr == "postgres://callprep@127.0.0.1:1/x:1:1: error: cannot reach the team "
            + "index at 127.0.0.1:1 (connection refused): check that the server runs and the address is right, then run "
            + "this again; nothing was written\n", "\(nobody.stderr)")
        let bad = try CallPrepBinary.run(["report", "--index", "postgres://u:secret@h/x?sslmode=sometimes"], in: folder)
        #expect(bad.status == 1 && !bad.stderr.contains("secret") && bad.stderr.contains("sslmode must be one of"))
    }
}
