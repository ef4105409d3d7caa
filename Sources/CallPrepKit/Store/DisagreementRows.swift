import Foundation
import GRDB

/// Which way a manager's answer turned the judge's verdict round (`report --disagreements`).
public enum ReviewDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// The judge said met, the manager no: the judge was too lenient.
    case judgeMetManagerNo = "judge-met-manager-no"
    /// The judge said not met, the manager yes: the judge was too strict.
    case judgeNotMetManagerYes = "judge-not-met-manager-yes"
    /// The rep marked it not applicable, the manager says it applied (and was missed).
    case notApplicableManagerNo = "not-applicable-manager-no"

    /// The direction of an item whose verdict the manager's answer changed from `judged` to
    /// `status`; nil when the answer left met as met and not met as not met (a "no" to a checked
    /// item the judge found unsupported agrees with the judge).
    public init?(judged: Scorecard.Status?, status: Scorecard.Status) {
        guard let judged else { return nil }
        if judged == .met, status != .met {
            self = .judgeMetManagerNo
        } else if judged != .met, status == .met {
            self = .judgeNotMetManagerYes
        } else if judged == .notApplicable, status == .missed {
            self = .notApplicableManagerNo
        } else {
            return nil
        }
    }
}

/// One item in play that a manager's review answered (yes or no), with its verdict.
public struct ReviewAnswer: Sendable, Hashable {
    public let path: String
    public let date: String
    public let rep: String?
    public let reviewer: String?
    public let process: String
    public let item: String
    public let kind: String
    public let agree: Bool
    /// The item's final status.
    public let status: Scorecard.Status
    /// The judge's own verdict where the answer overrode it; nil where it did not.
    public let judged: Scorecard.Status?
    public let weight: Double
    public let line: Int?
    public let evidence: String
    public let comment: String?
    /// What the evidence reader found, for a checked item.
    public let facts: Scorecard.ItemFacts?

    /// Nil when the manager agrees with the judge.
    public var direction: ReviewDirection? { ReviewDirection(judged: judged, status: status) }
    /// The verdict the manager answered: the judge's.
    public var verdict: Scorecard.Status { judged ?? status }
}

/// How many debriefs of each rep and named reviewer wait for a review or have one; and how many
/// answers each reviewer gave and how many of them disagreed with the judge.
public struct ReviewBacklogRows: Sendable {
    public struct Debriefs: Sendable {
        public let rep: String
        /// "" when the debrief names none.
        public let reviewer: String
        /// No row answered and no grade.
        public let waiting: Bool
        public let count: Int
    }

    public struct Answers: Sendable {
        public let reviewer: String
        public let answers: Int
        public let disagreements: Int
    }

    public let debriefs: [Debriefs]
    public let answers: [Answers]
}

extension IndexStore {
    /// Schema v3, for `report --disagreements` and the review figures of the HTML report: each
    /// answer of a manager's review with the item's verdict, and the judge's own where the answer
    /// overrode it (scorecards are not stored); each debrief's reviewer and how many rows it
    /// answered. Rows indexed before know none of it: their files are read and scored again at the
    /// next ingest (an empty hash never matches), as `ingest --rebuild` would.
    static let reviewAnswersSchema = """
            CREATE TABLE reviewAnswer (
                path TEXT NOT NULL REFERENCES debrief(path) ON DELETE CASCADE,
                item TEXT NOT NULL,
                kind TEXT NOT NULL,
                agree INTEGER NOT NULL,
                status TEXT NOT NULL,
                judged TEXT,
                weight REAL NOT NULL,
                line INTEGER,
                evidence TEXT NOT NULL,
                comment TEXT,
                facts TEXT,
                rep TEXT,
                reviewer TEXT,
                processID TEXT NOT NULL,
                date TEXT NOT NULL,
                PRIMARY KEY (path, item)
            );
            CREATE INDEX reviewAnswerForReport ON reviewAnswer(processID, item, date);
            ALTER TABLE debrief ADD COLUMN reviewer TEXT;
            ALTER TABLE debrief ADD COLUMN reviewAnswers INTEGER NOT NULL DEFAULT 0;
            UPDATE debrief SET contentHash = '', fileSize = NULL, fileModified = NULL;
            """

    /// The answered review rows of the debriefs `filter` lets through, by process, item, date and path.
    public func reviewAnswers(_ filter: ReportFilter) throws(DiagnosticError) -> [ReviewAnswer] {
        let (clause, arguments) = filter.sql
        return try read { db in
            var answers: [ReviewAnswer] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.path, d.date, d.rep, d.reviewer, d.processID, d.item, d.kind, d.agree, d.status, d.judged,
                       d.weight, d.line, d.evidence, d.comment, d.facts
                FROM reviewAnswer d WHERE \(clause) ORDER BY d.processID, d.item, d.date DESC, d.path
                """, arguments: arguments)
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let facts: String? = row[14]
                answers.append(ReviewAnswer(
                    path: row[0], date: row[1], rep: row[2], reviewer: row[3], process: row[4], item: row[5], kind: row[6],
                    agree: row[7], status: Scorecard.Status(rawValue: row[8]) ?? .missed,
                    judged: (row[9] as String?).flatMap(Scorecard.Status.init(rawValue:)), weight: row[10], line: row[11],
                    evidence: row[12], comment: row[13],
                    facts: try facts.map { try decoder.decode(Scorecard.ItemFacts.self, from: Data($0.utf8)) }))
            }
            return answers
        }
    }

    /// The review backlog of the debriefs `filter` lets through (`ReviewBacklogRows`).
    public func reviewBacklogRows(_ filter: ReportFilter) throws(DiagnosticError) -> ReviewBacklogRows {
        let (clause, arguments) = filter.sql
        return try read { db in
            let debriefs = try Row.fetchAll(db, sql: """
                SELECT COALESCE(d.rep, ''), COALESCE(d.reviewer, ''), d.reviewAnswers = 0 AND d.managerScore IS NULL,
                       COUNT(*)
                FROM debrief d WHERE \(clause) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, arguments: arguments).map { row in
                ReviewBacklogRows.Debriefs(rep: row[0], reviewer: row[1], waiting: row[2], count: row[3])
            }
            // A disagreement, as `ReviewDirection` decides it: the answer turned met into not met,
            // not met into met, or not applicable into missed.
            let answers = try Row.fetchAll(db, sql: """
                SELECT COALESCE(d.reviewer, ''), COUNT(*),
                       SUM(d.judged IS NOT NULL AND ((d.judged = 'met') <> (d.status = 'met')
                           OR (d.judged = 'not-applicable' AND d.status = 'missed')))
                FROM reviewAnswer d WHERE \(clause) GROUP BY 1 ORDER BY 1
                """, arguments: arguments).map { row in
                ReviewBacklogRows.Answers(reviewer: row[0], answers: row[1], disagreements: row[2] ?? 0)
            }
            return ReviewBacklogRows(debriefs: debriefs, answers: answers)
        }
    }
}
