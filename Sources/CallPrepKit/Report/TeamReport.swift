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
        /// The rep's calls month by month, oldest first: how the score moves over time.
        public var months: [Month]
    }

    /// One month of a rep's calls.
    public struct Month: Sendable, Hashable, Codable {
        /// `YYYY-MM`.
        public var month: String
        public var calls: Int
        public var averageScore: Int
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
    /// The dates of the first and the last debrief counted; nil with none.
    public var firstDate: String?
    public var lastDate: String?
}

extension TeamReport {
    /// The team report added up from the index's rows: pure, so it is the same over any store.
    public init(rows: ReportRows, filter: ReportFilter, process: ProcessLookup) {
        func title(_ processID: String, _ id: String) -> String {
            guard let found = process(processID) else { return id }
            return (found.milestones + found.practices).first { $0.id == id }?.title ?? id
        }
        let perRep = rows.calls
        let total = perRep.values.reduce(0) { $0 + $1.count }
        let sum = perRep.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.score } }

        // Per rep and item: how often met, missed and in play; the milestones and practices table
        // adds these up over the reps.
        var misses: [String: [TeamReport.Priority]] = [:]
        var rates: [String: TeamReport.MilestoneRate] = [:]
        var tallies: [[String]: (met: Int, missed: Int, inPlay: Int)] = [:]
        for row in rows.tallies {
            let key = [row.rep, row.process, row.item, row.kind]
            var tally = tallies[key] ?? (0, 0, 0)
            if row.status == .met { tally.met += row.count }
            if row.status == .missed || row.status == .unsupported { tally.missed += row.count }
            if row.status != .notApplicable { tally.inPlay += row.count }
            tallies[key] = tally
        }
        // In a fixed order, so that ties between priorities fall the same way every time.
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
                : NumberText.average(calls.suffix(calls.count - half).map(\.score))
                    - NumberText.average(calls.prefix(half).map(\.score))
            let selfGaps = calls.compactMap { call in call.selfScore.map { $0 - call.score } }
            let managerGaps = calls.compactMap { call in
                call.selfScore.flatMap { own in call.managerScore.map { own - $0 } }
            }
            // Most missed first; ties by id, for stable output.
            let priorities = (misses[rep] ?? []).sorted { lhs, rhs in
                lhs.missed != rhs.missed ? lhs.missed > rhs.missed : lhs.id < rhs.id
            }.prefix(2)
            var months: [TeamReport.Month] = []
            for call in calls {
                let month = String(call.date.prefix(7))
                if months.last?.month != month { months.append(TeamReport.Month(month: month, calls: 0, averageScore: 0)) }
                months[months.count - 1].calls += 1
                months[months.count - 1].averageScore += call.score
            }
            for index in months.indices {
                months[index].averageScore = NumberText.whole(Double(months[index].averageScore) / Double(months[index].calls))
            }
            return TeamReport.Rep(rep: rep, calls: calls.count, averageScore: NumberText.average(calls.map(\.score)),
                                  trend: trend, selfGap: selfGaps.isEmpty ? nil : NumberText.average(selfGaps),
                                  managerGap: managerGaps.isEmpty ? nil : NumberText.average(managerGaps),
                                  priorities: Array(priorities), months: months)
        }

        func order(_ rate: TeamReport.MilestoneRate) -> Int {
            guard let process = process(rate.process) else { return 0 }
            return (process.milestones + process.practices).firstIndex { $0.id == rate.id } ?? 0
        }
        let milestones = rates.values.map { rate in
            var rate = rate
            rate.rate = NumberText.percent(rate.met, of: rate.inPlay)
            return rate
        }.sorted { ($0.process, order($0), $0.id) < ($1.process, order($1), $1.id) }

        // Per stage: each opportunity's latest debrief in the window.
        var latest: [String: (process: String, stage: String, calls: Int, gained: Int, ahead: Bool)] = [:]
        for row in rows.opportunities {
            let key = row.process + "\u{0}" + row.opportunity
            latest[key] = (row.process, row.stage, (latest[key]?.calls ?? 0) + 1, row.gained, row.ahead)
        }
        var stageRows: [TeamReport.StageRow] = []
        for processID in Set(latest.values.map(\.process)).sorted() {
            guard let process = process(processID) else { continue }
            for stage in process.stages {
                let here = latest.values.filter { $0.process == processID && $0.stage == stage.id }
                stageRows.append(.init(process: processID, stage: stage.id, title: stage.title, opportunities: here.count,
                                       aheadOfEvidence: here.filter(\.ahead).count,
                                       stalled: here.filter { $0.calls > 1 && $0.gained == 0 }.count))
            }
        }
        let dates = rows.calls.values.flatMap { $0.map(\.date) }
        self.init(filter: filter, debriefs: total,
                  averageScore: total == 0 ? nil : NumberText.whole(Double(sum) / Double(total)),
                  reps: reps, milestones: milestones, stages: stageRows, firstDate: dates.min(), lastDate: dates.max())
    }
}

extension DebriefIndex {
    /// The team report over the indexed debriefs that `filter` lets through.
    public func teamReport(_ filter: ReportFilter, process: ProcessLookup) throws(DiagnosticError) -> TeamReport {
        TeamReport(rows: try reportRows(filter), filter: filter, process: process)
    }
}
