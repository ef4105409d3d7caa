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
        let views: [Any] = [
            BriefView(meeting: meeting, process: process, plan: plan, meetingPath: "m.yaml"),
            FormView(meeting: meeting, process: process, plan: plan),
            MeetingView(meeting), PersonView(meeting.attendees[0]), ItemView(process.practices[0]),
            StageView(plan.stage, number: 1), PainView(problem: "p", impact: nil, frequency: nil),
        ]
        return Set(views.flatMap { Mirror(reflecting: $0).children.compactMap(\.label) })
    }

    @Test func everyVariableIsDocumented() throws {
        let docs = try TestSupport.read(TestSupport.root.appendingPathComponent("docs/templates.md"))
        for name in try Self.variableNames() {
            #expect(docs.contains("`\(name)`"), "docs/templates.md does not mention `\(name)`")
        }
    }
}
