import Foundation

extension Workspace {
    /// `callprep review` with no debrief: the queue, from the workspace's debriefs (`currentIndex`,
    /// whose stored scores count each deal's history), or the index `index` names as it is (a team
    /// index, say); `rep`, `since` and `until` filter it.
    public func reviewQueue(index given: String? = nil, rep: String?, since: String?, until: String?, report: (Diagnostic) -> Void,
                            note: (String) -> Void) throws(DiagnosticError) -> ReviewQueue {
        guard let index = try currentIndex(given, report: report, note: note) else { return ReviewQueue(entries: []) }
        return ReviewQueue(entries: try index.reviewQueueRows().filter { row in
            rep.map { NextStepList.sameName(row.rep ?? "", $0) } ?? true
                && since.map { row.date >= $0 } ?? true && until.map { row.date <= $0 } ?? true
        })
    }
}
