import Foundation
import PostgresNIO

/// What the team report, the coaching notes and the review figures add up, from the team index:
/// the same rows as ReportQueries.swift and DisagreementRows.swift read from SQLite.
extension PostgresStore {
    public func reportRows(_ filter: ReportFilter) throws(DiagnosticError) -> ReportRows {
        let (clause, binds) = filter.postgres(workspace: workspace)
        return try guarded {
            var calls: [String: [ReportRows.Call]] = [:]
            for row in try session.query("""
                SELECT d.rep, d.score, d.self_score, d.manager_score, d.date FROM debriefs d
                WHERE \(clause) ORDER BY d.rep NULLS FIRST, d.date, d.path
                """, binds) {
                let (rep, score, selfScore, managerScore, date) = try row.decode((String?, Int?, Int?, Int?, String).self)
                calls[rep ?? "", default: []].append(ReportRows.Call(date: date, score: score ?? 0, selfScore: selfScore,
                                                                     managerScore: managerScore))
            }
            let tallies = try session.query("""
                SELECT d.rep, d.process_id, d.item, d.kind, d.status, COUNT(*)
                FROM items d WHERE \(clause) GROUP BY d.rep, d.process_id, d.item, d.kind, d.status
                """, binds).map { row in
                let (rep, process, item, kind, status, count) = try row.decode((String?, String, String, String, String, Int).self)
                return ReportRows.Tally(rep: rep ?? "", process: process, item: item, kind: kind,
                                        status: Scorecard.Status(rawValue: status), count: count)
            }
            let opportunities = try session.query("""
                SELECT d.process_id, COALESCE(d.opportunity, d.path), d.stage, d.gained, d.ahead_of_evidence
                FROM debriefs d WHERE \(clause) ORDER BY d.date, d.path
                """, binds).map { row in
                let (process, opportunity, stage, gained, ahead) = try row.decode((String, String, String, Int?, Bool).self)
                return ReportRows.Opportunity(process: process, opportunity: opportunity, stage: stage, gained: gained ?? 0,
                                              ahead: ahead)
            }
            return ReportRows(calls: calls, tallies: tallies, opportunities: opportunities)
        }
    }

    public func coachingNoteRows(_ filter: ReportFilter) throws(DiagnosticError) -> [IndexedCoachingNote] {
        let (clause, binds) = filter.postgres(workspace: workspace)
        return try guarded {
            try session.query("""
                SELECT COALESCE(d.rep, '') AS rep, d.process_id, d.date, d.path, n.text, n.milestone, n.author, n.line
                FROM coaching_notes n JOIN debriefs d ON d.workspace = n.workspace AND d.path = n.path
                WHERE \(clause) ORDER BY rep, d.date DESC, d.path, n.line
                """, binds).map { row in
                let (rep, process, date, path, text, milestone, author, line)
                    = try row.decode((String, String, String, String, String, String?, String?, Int).self)
                return IndexedCoachingNote(rep: rep, process: process, date: date, path: path, text: text,
                                           milestone: milestone, author: author, line: line)
            }
        }
    }

    public func reviewAnswers(_ filter: ReportFilter) throws(DiagnosticError) -> [ReviewAnswer] {
        let (clause, binds) = filter.postgres(workspace: workspace)
        return try guarded {
            let decoder = JSONDecoder()
            return try session.query("""
                SELECT d.path, d.date, d.rep, d.reviewer, d.process_id, d.item, d.kind, d.agree, d.status, d.judged,
                       d.weight, d.line, d.evidence, d.comment, d.facts
                FROM review_answers d WHERE \(clause) ORDER BY d.process_id, d.item, d.date DESC, d.path
                """, binds).map { row in
                let (path, date, rep, reviewer, process, item, kind, agree) = try row.decode(
                    (String, String, String?, String?, String, String, String, Bool).self)
                let cells = row.makeRandomAccess()
                let status = try cells[8].decode(String.self), judged = try cells[9].decode(String?.self)
                let facts = try cells[14].decode(String?.self)
                return ReviewAnswer(
                    path: path, date: date, rep: rep, reviewer: reviewer, process: process, item: item, kind: kind,
                    agree: agree, status: Scorecard.Status(rawValue: status) ?? .missed,
                    judged: judged.flatMap(Scorecard.Status.init(rawValue:)), weight: try cells[10].decode(Double.self),
                    line: try cells[11].decode(Int?.self), evidence: try cells[12].decode(String.self),
                    comment: try cells[13].decode(String?.self),
                    facts: try facts.map { try decoder.decode(Scorecard.ItemFacts.self, from: Data($0.utf8)) })
            }
        }
    }

    public func reviewBacklogRows(_ filter: ReportFilter) throws(DiagnosticError) -> ReviewBacklogRows {
        let (clause, binds) = filter.postgres(workspace: workspace)
        return try guarded {
            let debriefs = try session.query("""
                SELECT COALESCE(d.rep, ''), COALESCE(d.reviewer, ''), d.review_answers = 0 AND d.manager_score IS NULL,
                       COUNT(*)
                FROM debriefs d WHERE \(clause) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, binds).map { row in
                let (rep, reviewer, waiting, count) = try row.decode((String, String, Bool, Int).self)
                return ReviewBacklogRows.Debriefs(rep: rep, reviewer: reviewer, waiting: waiting, count: count)
            }
            // A disagreement, as `ReviewDirection` decides it (and as the `reviews` view counts it).
            let answers = try session.query("""
                SELECT COALESCE(d.reviewer, ''), COUNT(*),
                       COUNT(*) FILTER (WHERE d.judged IS NOT NULL AND ((d.judged = 'met') <> (d.status = 'met')
                           OR (d.judged = 'not-applicable' AND d.status = 'missed')))
                FROM review_answers d WHERE \(clause) GROUP BY 1 ORDER BY 1
                """, binds).map { row in
                let (reviewer, count, disagreements) = try row.decode((String, Int, Int).self)
                return ReviewBacklogRows.Answers(reviewer: reviewer, answers: count, disagreements: disagreements)
            }
            return ReviewBacklogRows(debriefs: debriefs, answers: answers)
        }
    }
}
