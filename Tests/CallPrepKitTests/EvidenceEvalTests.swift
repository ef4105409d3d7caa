import Foundation
import Testing

/// scripts/evidence-eval against the labelled evidence set (Tests/evidence-set/), with the built
/// binary: the judge's agreement with the coach may not fall below what it reaches today.
@Suite("The evidence evaluation", .timeLimit(.minutes(10)))
struct EvidenceEvalTests {
    /// The agreement the judge reached when this was last raised, rounded down to a whole percent
    /// (301 of 414 cases, 72.7%). Raise it when the judge improves; never lower it to pass.
    static let minimumAgreement = 72

    @Test func theJudgeHoldsItsAgreementWithTheCoach() throws {
        let script = TestSupport.root.appendingPathComponent("scripts/evidence-eval")
        // timeout: a hang fails the test instead of the run; the set takes about a minute and a half.
        let run = try CallPrepBinary.runCommand([script.path, "--min-agreement", String(Self.minimumAgreement)], in: TestSupport.root,
                                                timeout: 540, environment: ["CALLPREP": CallPrepBinary.url.path])
        let report = run.stdout

        #expect(run.status == 0, "scripts/evidence-eval: \(run.stderr)\n\(report.prefix(4000))")
        #expect(report.hasPrefix("agreement: "))
        let lines = report.components(separatedBy: "\n")
        let table = lines.drop { $0 != "per expected verdict:" }.dropFirst(3).prefix { !$0.isEmpty }
        #expect(table.map { $0.split(separator: " ").first.map(String.init) } ==
                ["met", "unsupported", "missed", "not-applicable"], "\(table)")
    }
}
