import Foundation

extension Workspace {
    /// `callprep review` with no debrief: the queue, from the workspace's debriefs (`currentIndex`),
    /// each scored with its deal's history; `rep`, `since` and `until` filter it.
    public func reviewQueue(rep: String?, since: String?, until: String?, report: (Diagnostic) -> Void,
                            note: (String) -> Void) throws(DiagnosticError) -> ReviewQueue {
        guard let index = try currentIndex(nil, report: report, note: note) else { return ReviewQueue(entries: []) }
        let records = try index.records()
        func waiting(_ record: DebriefRecord) -> Bool {
            record.review.grade == nil && record.review.items.allSatisfy { $0.agree == nil }
                && rep.map { NextStepList.sameName(record.meeting.rep ?? "", $0) } ?? true
                && since.map { record.meeting.date >= $0 } ?? true && until.map { record.meeting.date <= $0 } ?? true
        }
        let deals = Dictionary(grouping: records, by: { DealKey(ofAny: $0) }).values.filter { $0.contains(where: waiting) }
        let histories = dealHistories(calls: callFacts())
        var entries: [ReviewQueue.Entry] = []
        for deal in deals {
            for (record, scored) in zip(deal, histories.score(together: deal)) where waiting(record) {
                entries.append(.init(source: record.source, date: record.meeting.date, rep: record.meeting.rep,
                                     account: record.meeting.account, score: scored?.card.score,
                                     findings: scored?.card.findings.count ?? 0))
            }
        }
        return ReviewQueue(entries: entries.sorted { ($0.date, $0.source) < ($1.date, $1.source) })
    }
}
