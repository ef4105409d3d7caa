import Foundation
import Yams

/// The team's settings in a workspace's `callprep.yaml` (docs/crm.md): the emails of our people,
/// which a CRM's task import assigns tasks by, and the table from the CRM's opportunity stages to
/// the process's. Every key is optional; an unknown key is an error with its place.
public struct TeamSettings: Sendable {
    public static let fileName = "callprep.yaml"

    /// Our people with their emails (or the CRM user ids the import wants), in the file's order.
    public var people: [(name: String, email: String)] = []
    /// Process stage id by CRM stage name, the name folded (`normalized`).
    public var crmStages: [String: String] = [:]
    /// The CRM stage names as written, in the file's order, for messages.
    public var crmStageNames: [String] = []

    public init() {}

    /// The process stage a CRM stage maps to: through the table, else a stage of the process with
    /// that id or title; nil when neither knows it.
    public func stage(forCRMStage name: String, process: SalesProcess) -> String? {
        if let mapped = crmStages[normalized(name)] { return mapped }
        return process.stages.first { normalized($0.id) == normalized(name) || normalized($0.title) == normalized(name) }?.id
    }

    /// The settings of `source`; the stages the table names must be stages of `process`.
    public static func load(_ source: SourceFile, process: SalesProcess) throws(DiagnosticError) -> TeamSettings {
        let reader = YAMLReader(file: source.path)
        var settings = TeamSettings()
        guard !source.text.trimmed.isEmpty else { return settings }
        guard let root = reader.compose(source.text) else { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        guard let fields = reader.fields(of: root, what: "callprep.yaml", allowed: ["people", "crm"]) else {
            throw DiagnosticError(reader.diagnostics.sortedByLocation)
        }
        for (nameNode, valueNode) in pairs(fields["people"], what: "people", reader: reader) {
            guard let name = nameNode.scalar?.string.trimmed, !name.isEmpty,
                  let email = valueNode.scalar?.string.trimmed, !email.isEmpty else {
                reader.report(DocumentProblem.expectedText(key: "people"), at: valueNode)
                continue
            }
            settings.people.append((name, email))
        }
        if let crm = fields["crm"], let crmFields = reader.fields(of: crm, what: "crm", allowed: ["stages"]) {
            for (nameNode, stageNode) in pairs(crmFields["stages"], what: "crm stages", reader: reader) {
                guard let name = nameNode.scalar?.string.trimmed, !name.isEmpty,
                      let written = stageNode.scalar?.string.trimmed else {
                    reader.report(DocumentProblem.expectedText(key: "stages"), at: stageNode)
                    continue
                }
                guard let stage = process.stages.first(where: { $0.id == written || normalized($0.title) == normalized(written) })
                else {
                    reader.report(MeetingProblem.unknownStage(written, processID: process.id, stages: process.stages.map(\.id)),
                                  at: stageNode)
                    continue
                }
                settings.crmStages[normalized(name)] = stage.id
                settings.crmStageNames.append(name)
            }
        }
        if reader.hasErrors { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        return settings
    }

    /// The key and value nodes of a mapping at `node` (nothing when absent; a problem when not a mapping).
    private static func pairs(_ node: Node?, what: String, reader: YAMLReader) -> [(Node, Node)] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            reader.report(DocumentProblem.notAMapping(what: what), at: node)
            return []
        }
        return mapping.map { ($0.key, $0.value) }
    }
}
