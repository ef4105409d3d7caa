extension Workspace {
    /// `callprep report --disagreements`: ingests `scope.sources` as `report` does, then writes
    /// where managers' reviews disagree with the judge, per item and evidence rule.
    public func disagreements(_ scope: ReportScope, format: DisagreementFormat, byteOrderMark: Bool = false,
                              to target: OutputTarget, report: (Diagnostic) -> Void,
                              note: (String) -> Void) throws(DiagnosticError) {
        let (store, filter) = try open(scope, report: report, note: note)
        let value = try store.disagreementReport(filter, process: catalog.lookup)
        var reporter = format.reporter
        try target.emit((byteOrderMark && format == .csv ? "\u{FEFF}" : "") + reporter.document(value))
    }
}
