import Foundation
import Testing
@testable import CallPrepKit

@Suite("Template documentation")
struct TemplateDocsTests {
    /// Every property a template can reach, by reflecting on sample views.
    static func variableNames() throws -> Set<String> {
        let process = try TestSupport.builtinProcess("b2b")
        let meeting = try MeetingLoader.load(path: TestSupport.root.appendingPathComponent(
            "templates/examples/northwind-discovery.yaml").path, process: process)
        let plan = try #require(ItemsInPlay(process: process, stageID: "discover"))
        var views: [Any] = [
            BriefView(meeting: meeting, process: process, plan: plan, meetingPath: "m.yaml"),
            FormView(meeting: meeting, process: process, plan: plan),
            MeetingView(meeting), PersonView(meeting.attendees[0]), ItemView(process.practices[0]),
            StageView(plan.stage, number: 1), PainView(problem: "p", impact: nil, frequency: nil),
        ]
        let report = TeamReport(
            filter: ReportFilter(), debriefs: 1, averageScore: 50,
            reps: [.init(rep: "Dana", calls: 1, averageScore: 50, trend: 0, selfGap: 10, managerGap: nil,
                         priorities: [.init(id: "m", title: "M", missed: 1, of: 1)],
                         months: [.init(month: "2026-11", calls: 1, averageScore: 50)])],
            milestones: [.init(id: "m", title: "M", kind: "milestone", process: "b2b", met: 0, inPlay: 1, rate: 0)],
            stages: [.init(process: "b2b", stage: "s", title: "S", opportunities: 1, aheadOfEvidence: 0, stalled: 0)])
        let html = ReportHTMLView(report, sections: ReportSection.allCases, generated: "2026-11-29")
        let reps = try #require(html.reps)
        let milestones = try #require(html.milestones)
        views += [html, html.tiles[0], reps, reps.bars[0], reps.rows[0], reps.rows[0].priorities[0], reps.details[0],
                  reps.details[0].months[0], milestones,
                  milestones.rows[0], try #require(milestones.rows[0].item), try #require(html.stages),
                  report.stages[0]]
        return Set(views.flatMap { Mirror(reflecting: $0).children.compactMap(\.label) })
    }

    @Test func everyVariableIsDocumented() throws {
        let docs = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/templates.md"))
        for name in try Self.variableNames() {
            #expect(docs.contains("`\(name)`"), "docs/templates.md does not mention `\(name)`")
        }
    }
}
