import Foundation
import Testing

/// scripts/evidence-eval against the labelled evidence set (Tests/evidence-set/), with the built
/// binary: the judge's agreement with the coach may not fall below what it reaches today.
@Suite("The evidence evaluation", .hangGuard)
struct EvidenceEvalTests {
    /// The agreement the judge reached when this was last raised, rounded down to a whole percent
    /// (400 of 414 cases, 96.6%). Raise it when the judge improves; never lower it to pass.
    static let minimumAgreement = 96
    /// Each verdict class (met, unsupported, missed, not-applicable) holds at least this.
    static let minimumPerVerdict = 90.0
    /// Tests/evidence-fresh: cases written in other words, never tuned against case by case
    /// (235 of 247, 95.1%, after general fixes their misses pointed at; see docs/evidence-eval.md).
    static let minimumFreshAgreement = 85

    @Test func theJudgeHoldsItsAgreementWithTheCoach() throws {
        let table = try Self.evaluate([], minimum: Self.minimumAgreement)
        #expect(table.count == 4, "one row per verdict class: \(table)")
        for (verdict, percent) in table {
            #expect(percent >= Self.minimumPerVerdict, "\(verdict): \(percent)%")
        }
    }

    @Test func theJudgeGeneralisesToCasesWrittenInOtherWords() throws {
        _ = try Self.evaluate(["--cases", "Tests/evidence-fresh/cases.yaml"], minimum: Self.minimumFreshAgreement)
    }

    /// Runs the evaluation; the per-verdict table as (verdict, percent).
    private static func evaluate(_ arguments: [String], minimum: Int) throws -> [(String, Double)] {
        let script = TestSupport.root.appendingPathComponent("scripts/evidence-eval")
        // timeout: a hang fails the test instead of the run; the set takes about a minute and a half.
        let run = try CallPrepBinary.runCommand([script.path, "--min-agreement", String(minimum)] + arguments, in: TestSupport.root,
                                                timeout: 540, environment: ["CALLPREP": CallPrepBinary.url.path])
        let report = run.stdout

        #expect(run.status == 0, "scripts/evidence-eval: \(run.stderr)\n\(report.prefix(4000))")
        #expect(report.hasPrefix("agreement: "))
        let lines = report.components(separatedBy: "\n")
        let table = lines.drop { $0 != "per expected verdict:" }.dropFirst(3).prefix { !$0.isEmpty }
        #expect(table.map { $0.split(separator: " ").first.map(String.init) } ==
                ["met", "unsupported", "missed", "not-applicable"], "\(table)")
        return table.compactMap { line in
            let fields = line.split(separator: " ")
            guard let verdict = fields.first, let percent = fields.last.flatMap({ Double($0.dropLast()) }) else { return nil }
            return (String(verdict), percent)
        }
    }
}
