/// The team index's schema (PostgreSQL), as numbered migrations: the contract that BI tools read
/// (docs/team-index.md documents every table and view, and its sample queries are run by the tests).
///
/// Rules of the contract: a migration only adds (tables, views, columns); a column keeps its name
/// and type once shipped; `schema_version` holds one row per migration applied. Every row carries
/// its `workspace` (one team's debriefs), so that several teams share one database. Text columns
/// that callprep sorts or compares use the "C" collation, so that PostgreSQL orders them byte by
/// byte as SQLite does, whatever the database's locale: both stores give the same output.
enum TeamIndexSchema {
    /// The migrations, in order; `migrations[n - 1]` brings the schema to version n.
    static let migrations: [String] = [version1]

    static var latest: Int { migrations.count }

    /// The table of versions, made before any migration (idempotent).
    static let versionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now(),
            callprep_version text NOT NULL
        )
        """

    static let version1 = """
        CREATE TABLE debriefs (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            content_hash text NOT NULL,
            meeting_id text COLLATE "C" NOT NULL,
            date text COLLATE "C" NOT NULL,
            account text COLLATE "C",
            opportunity text COLLATE "C",
            rep text COLLATE "C",
            stage text COLLATE "C" NOT NULL,
            process_id text COLLATE "C" NOT NULL,
            process_version text NOT NULL,
            score integer,
            claimed_score integer,
            self_score integer,
            manager_score integer,
            evidenced_stage text,
            ready_to_advance boolean,
            gained integer,
            ahead_of_evidence boolean NOT NULL DEFAULT false,
            reviewer text COLLATE "C",
            review_answers integer NOT NULL DEFAULT 0,
            PRIMARY KEY (workspace, path)
        );
        CREATE INDEX debriefs_by_opportunity ON debriefs (workspace, process_id, opportunity, date, path);
        CREATE INDEX debriefs_by_rep ON debriefs (workspace, rep, date, path);
        CREATE INDEX debriefs_by_date ON debriefs (workspace, date, path);
        CREATE INDEX debriefs_by_meeting ON debriefs (workspace, meeting_id);
        CREATE TABLE debrief_records (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            record text NOT NULL,
            PRIMARY KEY (workspace, path),
            FOREIGN KEY (workspace, path) REFERENCES debriefs ON DELETE CASCADE
        );
        CREATE TABLE items (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            item text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            status text COLLATE "C" NOT NULL,
            reason text NOT NULL,
            weight double precision NOT NULL,
            line integer,
            rep text COLLATE "C",
            process_id text COLLATE "C" NOT NULL,
            date text COLLATE "C" NOT NULL,
            PRIMARY KEY (workspace, path, item),
            FOREIGN KEY (workspace, path) REFERENCES debriefs ON DELETE CASCADE
        );
        CREATE INDEX items_for_report ON items (workspace, rep, process_id, item, kind, status, date);
        CREATE TABLE findings (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            check_id text COLLATE "C" NOT NULL,
            message text NOT NULL,
            line integer,
            FOREIGN KEY (workspace, path) REFERENCES debriefs ON DELETE CASCADE
        );
        CREATE INDEX findings_by_path ON findings (workspace, path);
        CREATE TABLE next_steps (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            action text NOT NULL,
            owner text COLLATE "C",
            due text,
            due_date text COLLATE "C",
            line integer NOT NULL,
            FOREIGN KEY (workspace, path) REFERENCES debriefs ON DELETE CASCADE
        );
        CREATE INDEX next_steps_by_path ON next_steps (workspace, path);
        CREATE TABLE coaching_notes (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            text text COLLATE "C" NOT NULL,
            milestone text COLLATE "C",
            author text COLLATE "C",
            line integer NOT NULL,
            FOREIGN KEY (workspace, path) REFERENCES debriefs ON DELETE CASCADE
        );
        CREATE INDEX coaching_notes_by_path ON coaching_notes (workspace, path);
        CREATE TABLE review_answers (
            workspace text COLLATE "C" NOT NULL,
            path text COLLATE "C" NOT NULL,
            item text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            agree boolean NOT NULL,
            status text COLLATE "C" NOT NULL,
            judged text COLLATE "C",
            weight double precision NOT NULL,
            line integer,
            evidence text NOT NULL,
            comment text,
            facts text,
            rep text COLLATE "C",
            reviewer text COLLATE "C",
            process_id text COLLATE "C" NOT NULL,
            date text COLLATE "C" NOT NULL,
            PRIMARY KEY (workspace, path, item),
            FOREIGN KEY (workspace, path) REFERENCES debriefs ON DELETE CASCADE
        );
        CREATE INDEX review_answers_for_report ON review_answers (workspace, process_id, item, date);
        CREATE TABLE scoring_contexts (
            workspace text COLLATE "C" NOT NULL,
            key text COLLATE "C" NOT NULL,
            fingerprint text NOT NULL,
            PRIMARY KEY (workspace, key)
        );
        CREATE VIEW reviews AS
            SELECT d.workspace, d.path, d.date, d.rep, d.reviewer, d.manager_score, d.score, d.review_answers AS answers,
                   (SELECT count(*) FROM review_answers a
                     WHERE a.workspace = d.workspace AND a.path = d.path AND a.judged IS NOT NULL
                       AND ((a.judged = 'met') <> (a.status = 'met') OR (a.judged = 'not-applicable' AND a.status = 'missed'))
                   )::integer AS disagreements
            FROM debriefs d WHERE d.review_answers > 0 OR d.manager_score IS NOT NULL;
        CREATE VIEW open_next_steps AS
            SELECT d.workspace, d.path, d.date, d.rep, d.account, d.opportunity, s.action, s.owner, s.due, s.due_date, s.line
            FROM debriefs d JOIN next_steps s ON s.workspace = d.workspace AND s.path = d.path
            WHERE s.action <> '' AND (d.opportunity IS NULL OR NOT EXISTS (
                SELECT 1 FROM debriefs e WHERE e.workspace = d.workspace AND e.process_id = d.process_id
                  AND e.opportunity = d.opportunity AND (e.date > d.date OR (e.date = d.date AND e.path > d.path))));
        """
}
