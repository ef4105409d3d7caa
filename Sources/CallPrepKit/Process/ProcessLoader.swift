import Yams

/// Loads a process file (DESIGN section 4) into a `SalesProcess`, reporting every problem found.
public enum ProcessLoader {
    static let processKeys = ["id", "version", "title", "stages", "practices", "checks"]
    static let stageKeys = ["id", "title", "goal", "milestones"]
    static let milestoneKeys = ["id", "title", "weight", "required", "ask", "evidence", "guidance"]
    static let checkKeys = ["enabled", "weight", "threshold"]

    public static func load(_ source: SourceFile) throws(DiagnosticError) -> SalesProcess {
        let reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty {
                reader.report(FileProblem.empty, at: .start)
            }
            throw DiagnosticError(reader.diagnostics.sortedByLocation)
        }
        let process = ProcessDecoder(reader: reader).decode(root)
        if reader.hasErrors { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        guard let process else { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        return process
    }

    public static func load(path: String) throws(DiagnosticError) -> SalesProcess {
        try load(SourceFile.read(path))
    }
}

/// Ids become anchors in generated forms, so they are kept to a safe alphabet.
func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, isASCIILetterOrDigit(first) else { return false }
    return id.unicodeScalars.allSatisfy { isASCIILetterOrDigit($0) || "-_.".unicodeScalars.contains($0) }
}

private func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
}

private final class ProcessDecoder {
    let reader: YAMLReader
    /// First line each id was seen on, across stages, milestones and practices.
    private var firstLines: [String: Int] = [:]

    init(reader: YAMLReader) {
        self.reader = reader
    }

    func decode(_ root: Node) -> SalesProcess? {
        guard let fields = reader.fields(of: root, what: "the process", allowed: ProcessLoader.processKeys,
                                         required: ["id", "version", "title", "stages"]) else { return nil }
        let id = identifier(fields)
        let version = reader.text(fields, "version")
        let title = reader.text(fields, "title")

        let stageNodes = reader.list(fields, "stages")
        if fields["stages"] != nil, stageNodes.isEmpty, fields["stages"]?.sequence != nil {
            reader.report(ProcessProblem.noStages, at: fields["stages"] ?? root)
        }
        let stages = stageNodes.compactMap(stage)
        let practices = reader.list(fields, "practices").compactMap { milestone($0, what: "practice") }
        let checks = checkSettings(fields)

        guard let id, let version, let title else { return nil }
        return SalesProcess(id: id, version: version, title: title, stages: stages, practices: practices,
                            checks: checks)
    }

    private func identifier(_ fields: Fields) -> String? {
        guard let id = reader.text(fields, "id"), let node = fields["id"] else { return nil }
        guard isValidID(id) else {
            reader.report(ProcessProblem.invalidID(id), at: node)
            return nil
        }
        return id
    }

    /// Records an id, reporting it when it was used before anywhere in the process.
    private func claim(_ id: String, at node: Node) {
        let line = reader.location(of: node).line
        if let first = firstLines[id] {
            reader.report(ProcessProblem.duplicateID(id, firstLine: first), at: node)
        } else {
            firstLines[id] = line
        }
    }

    private func stage(_ node: Node) -> Stage? {
        guard let fields = reader.fields(of: node, what: "a stage", allowed: ProcessLoader.stageKeys,
                                         required: ["id", "title", "milestones"]) else { return nil }
        let id = identifier(fields)
        if let id, let idNode = fields["id"] { claim(id, at: idNode) }
        let milestoneNodes = reader.list(fields, "milestones")
        if let list = fields["milestones"], milestoneNodes.isEmpty, list.sequence != nil {
            reader.report(ProcessProblem.emptyStage(id ?? "?"), at: list)
        }
        let milestones = milestoneNodes.compactMap { milestone($0, what: "a milestone") }
        guard let id, let title = reader.text(fields, "title") else { return nil }
        return Stage(id: id, title: title, goal: reader.text(fields, "goal") ?? "", milestones: milestones,
                     line: reader.location(of: node).line)
    }

    private func milestone(_ node: Node, what: String) -> Milestone? {
        guard let fields = reader.fields(of: node, what: what, allowed: ProcessLoader.milestoneKeys,
                                         required: ["id", "title"]) else { return nil }
        let id = identifier(fields)
        if let id, let idNode = fields["id"] { claim(id, at: idNode) }
        let title = reader.text(fields, "title")
        let weight = positiveWeight(fields)
        let required = reader.bool(fields, "required") ?? true
        let ask = reader.textList(fields, "ask")
        let evidence = evidenceKind(fields)
        let guidance = reader.text(fields, "guidance") ?? ""
        guard let id, let title else { return nil }
        return Milestone(id: id, title: title, weight: weight ?? 1, required: required, ask: ask,
                         evidence: evidence ?? .text, guidance: guidance, line: reader.location(of: node).line)
    }

    private func positiveWeight(_ fields: Fields) -> Double? {
        guard let node = fields["weight"] else { return nil }
        guard let raw = node.scalar?.string, let value = Double(raw), value.isFinite, value > 0 else {
            reader.report(ProcessProblem.weightNotPositive(node.scalar?.string ?? "a list or mapping"), at: node)
            return nil
        }
        return value
    }

    private func evidenceKind(_ fields: Fields) -> EvidenceKind? {
        guard let raw = reader.text(fields, "evidence"), let node = fields["evidence"] else { return nil }
        guard let kind = EvidenceKind(rawValue: raw.lowercased()) else {
            reader.report(ProcessProblem.unknownEvidenceKind(raw), at: node)
            return nil
        }
        return kind
    }

    private func checkSettings(_ fields: Fields) -> [CheckSetting] {
        guard let node = fields["checks"] else { return [] }
        guard let mapping = node.mapping else {
            reader.report(DocumentProblem.expectedMapping(key: "checks"), at: node)
            return []
        }
        return mapping.compactMap { key, value in
            guard let id = key.scalar?.string else {
                reader.report(DocumentProblem.keyNotText, at: key)
                return nil
            }
            guard let id = CheckID(rawValue: id) else {
                reader.report(ProcessProblem.unknownCheck(id, known: CheckID.names), at: key)
                return nil
            }
            // `check-id: false` is shorthand for switching a check off.
            if value.scalar != nil, !isNull(value) {
                let settings = Fields(node: value, what: "check '\(id.rawValue)'", values: ["enabled": value])
                return reader.bool(settings, "enabled").map {
                    CheckSetting(id: id, enabled: $0, line: reader.location(of: key).line)
                }
            }
            guard let settings = reader.fields(of: value, what: "check '\(id.rawValue)'", allowed: ProcessLoader.checkKeys)
            else { return nil }
            let weight = positiveWeight(settings)
            let threshold = reader.number(settings, "threshold")
            if let threshold, threshold < 0, let thresholdNode = settings["threshold"] {
                reader.report(ProcessProblem.thresholdNegative(thresholdNode.scalar?.string ?? ""), at: thresholdNode)
            }
            return CheckSetting(id: id, enabled: reader.bool(settings, "enabled") ?? true, weight: weight,
                                threshold: threshold, line: reader.location(of: key).line)
        }
    }
}
