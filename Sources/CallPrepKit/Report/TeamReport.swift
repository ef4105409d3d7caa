import Foundation
import GRDB

/// Which debriefs a report or the coaching notes cover.
public struct ReportFilter: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`, inclusive.
    public var since: String?
    public var until: String?
    public var rep: String?
    public var process: String?

    public init(since: String? = nil, until: String? = nil, rep: String? = nil, process: String? = nil) {
        self.since = since
        self.until = until
        self.rep = rep
        self.process = process
    }

    /// A WHERE clause on the `debrief` or `itemStatus` table aliased `d`, and its arguments.
    var sql: (clause: String, arguments: StatementArguments) {
        var conditions = ["1 = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let since { conditions.append("d.date >= ?"); arguments.append(since) }
        if let until { conditions.append("d.date <= ?"); arguments.append(until) }
        if let rep { conditions.append("d.rep = ?"); arguments.append(rep) }
        if let process { conditions.append("d.processID = ?"); arguments.append(process) }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}

/// Where a team and each rep fall short, over many debriefs (`callprep report`).
public struct TeamReport: Sendable, Hashable, Codable {
    public static let formatVersion = "callprep.report/1"

    public struct Priority: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        /// Calls where it was missed or unsupported, of the calls it was in play.
        public var missed: Int
        public var of: Int
    }

    public struct Rep: Sendable, Hashable, Codable {
        public var rep: String
        public var calls: Int
        public var averageScore: Int
        /// Average score of the later half of the rep's calls minus that of the earlier half.
        public var trend: Int
        /// Average of self-assessment minus evidence score, over calls with a self-assessment.
        public var selfGap: Int?
        /// Average of self-assessment minus the manager's grade, over calls with both.
        public var managerGap: Int?
        /// The two milestones the rep misses most: coaching priorities.
        public var priorities: [Priority]
    }

    public struct MilestoneRate: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var kind: String
        public var process: String
        public var met: Int
        public var inPlay: Int
        /// `met` as a share of `inPlay`, 0 to 100.
        public var rate: Int
    }

    public struct StageRow: Sendable, Hashable, Codable {
        public var process: String
        public var stage: String
        public var title: String
        /// Opportunities whose latest debrief claims this stage.
        public var opportunities: Int
        /// Of those, claimed ahead of their evidence.
        public var aheadOfEvidence: Int
        /// Of those, with more than one call and no milestone gained in the latest.
        public var stalled: Int
    }

    public var format = TeamReport.formatVersion
    public var filter: ReportFilter
    public var debriefs: Int
    public var averageScore: Int?
    public var reps: [Rep]
    public var milestones: [MilestoneRate]
    public var stages: [StageRow]
}

extension IndexStore {
    /// The team report over the indexed debriefs that `filter` lets through.
    public func teamReport(_ filter: ReportFilter, catalog: ProcessCatalog) throws(DiagnosticError) -> TeamReport {
        do {
            return try queue.read { db in try build(filter, catalog: catalog, db: db) }
        } catch {
            throw DiagnosticError([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1),
                                              IndexProblem.failed("\(error)"))])
        }
    }

    private func build(_ filter: ReportFilter, catalog: ProcessCatalog, db: Database) throws -> TeamReport {
        let (clause, arguments) = filter.sql
        func title(_ process: String, _ id: String) -> String {
            guard let found = catalog.process(id: process) else { return id }
            return (found.milestones + found.practices).first { $0.id == id }?.title ?? id
        }

        // Each query reads one covering index (schema v2), with no join: 100,000 debriefs in well
        // under a second.
        // Per rep: scores in date order, for averages and trend.
        var perRep: [String: [(score: Int, selfScore: Int?, manager: Int?)]] = [:]
        var total = 0
        var sum = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.rep, d.score, d.selfScore, d.managerScore FROM debrief d
            WHERE \(clause) ORDER BY d.rep, d.date, d.path
            """, arguments: arguments)
        // Columns by position: looking them up by name costs more than the query, row after row.
        while let row = try rows.next() {
            let score: Int = row[1] ?? 0
            perRep[row[0] ?? "", default: []].append((score, row[2], row[3]))
            total += 1
            sum += score
        }

        // Per rep and item: how often met, missed and in play; the milestones and practices table
        // adds these up over the reps.
        var misses: [String: [TeamReport.Priority]] = [:]
        var rates: [String: TeamReport.MilestoneRate] = [:]
        // Counted by status, which SQLite does fastest (no expression per row), then added up here.
        var tallies: [[String]: (met: Int, missed: Int, inPlay: Int)] = [:]
        let itemRows = try Row.fetchCursor(db, sql: """
            SELECT d.rep, d.processID, d.item, d.kind, d.status, COUNT(*)
            FROM itemStatus d WHERE \(clause) GROUP BY d.rep, d.processID, d.item, d.kind, d.status
            """, arguments: arguments)
        while let row = try itemRows.next() {
            let key: [String] = [row[0] ?? "", row[1], row[2], row[3]]
            let status = Scorecard.Status(rawValue: row[4])
            let count: Int = row[5]
            var tally = tallies[key] ?? (0, 0, 0)
            if status == .met { tally.met += count }
            if status == .missed || status == .unsupported { tally.missed += count }
            if status != .notApplicable { tally.inPlay += count }
            tallies[key] = tally
        }
        // In the order SQLite grouped them, so that ties between priorities fall the same way every time.
        for (key, tally) in tallies.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let (rep, process, item, kind) = (key[0], key[1], key[2], key[3])
            if kind == DebriefRecord.Kind.milestone.rawValue, tally.missed > 0 {
                misses[rep, default: []].append(
                    TeamReport.Priority(id: item, title: title(process, item), missed: tally.missed, of: tally.inPlay))
            }
            var rate = rates[process + "\u{0}" + item]
                ?? TeamReport.MilestoneRate(id: item, title: title(process, item), kind: kind, process: process,
                                            met: 0, inPlay: 0, rate: 0)
            rate.met += tally.met
            rate.inPlay += tally.inPlay
            rates[process + "\u{0}" + item] = rate
        }

        let reps = perRep.keys.sorted().map { rep -> TeamReport.Rep in
            let calls = perRep[rep] ?? []
            let half = calls.count / 2
            let trend = calls.count < 2 ? 0
                : NumberText.average(calls.suffix(calls.count - half).map(\.score)) - NumberText.average(calls.prefix(half).map(\.score))
            let selfGaps = calls.compactMap { call in call.selfScore.map { $0 - call.score } }
            let managerGaps = calls.compactMap { call in call.selfScore.flatMap { own in call.manager.map { own - $0 } } }
            // Most missed first; ties by id, for stable output.
            let priorities = (misses[rep] ?? []).sorted { lhs, rhs in
                lhs.missed != rhs.missed ? lhs.missed > rhs.missed : lhs.id < rhs.id
            }.prefix(2)
            return TeamReport.Rep(rep: rep, calls: calls.count, averageScore: NumberText.average(calls.map(\.score)), trend: trend,
                                  selfGap: selfGaps.isEmpty ? nil : NumberText.average(selfGaps),
                                  managerGap: managerGaps.isEmpty ? nil : NumberText.average(managerGaps),
                                  priorities: Array(priorities))
        }

        let milestones = rates.values.map { rate in
            var rate = rate
            rate.rate = NumberText.percent(rate.met, of: rate.inPlay)
            return rate
        }.sorted { ($0.process, order($0), $0.id) < ($1.process, order($1), $1.id) }

        // Per stage: each opportunity's latest debrief in the window.
        var latest: [String: (process: String, stage: String, calls: Int, gained: Int, ahead: Bool)] = [:]
        let opportunityRows = try Row.fetchCursor(db, sql: """
            SELECT d.processID AS process, COALESCE(d.opportunity, d.path) AS opportunity, d.stage, d.gained,
                   d.aheadOfEvidence AS ahead
            FROM debrief d WHERE \(clause) ORDER BY d.date, d.path
            """, arguments: arguments)
        while let row = try opportunityRows.next() {
            let process: String = row[0]
            let key = process + "\u{0}" + (row[1] as String)
            latest[key] = (process, row[2], (latest[key]?.calls ?? 0) + 1, row[3] ?? 0, row[4])
        }
        var stageRows: [TeamReport.StageRow] = []
        let processes = Set(latest.values.map(\.process)).sorted()
        for processID in processes {
            guard let process = catalog.process(id: processID) else { continue }
            for stage in process.stages {
                let here = latest.values.filter { $0.process == processID && $0.stage == stage.id }
                stageRows.append(.init(process: processID, stage: stage.id, title: stage.title, opportunities: here.count,
                                       aheadOfEvidence: here.filter(\.ahead).count,
                                       stalled: here.filter { $0.calls > 1 && $0.gained == 0 }.count))
            }
        }

        func order(_ rate: TeamReport.MilestoneRate) -> Int {
            guard let process = catalog.process(id: rate.process) else { return 0 }
            return (process.milestones + process.practices).firstIndex { $0.id == rate.id } ?? 0
        }
        return TeamReport(filter: filter, debriefs: total, averageScore: total == 0 ? nil : Int((Double(sum) / Double(total)).rounded()),
                          reps: reps, milestones: milestones, stages: stageRows)
    }
}
