import Yams

/// Loads a process file (DESIGN section 4) into a `SalesProcess`, reporting every problem found.
public enum ProcessLoader {
    static let processKeys = ["id", "version", "title", "stages", "practices", "checks", "words", "prep_minutes", "language", "date_order"]
    static let stageKeys = ["id", "title", "goal", "milestones"]
    static let milestoneKeys = ["id", "title", "weight", "required", "ask", "evidence", "not", "requires", "guidance"]
    static let exclusionKeys = ["words", "unless", "because"]
    static let checkKeys = ["enabled", "weight", "threshold"]

    /// The word lists of the built-in default process: what a process file that names none gets.
    static let builtinWords: WordLists = {
        guard let source = ProcessResolver.builtinSource(ProcessResolver.defaultID),
              let process = try? load(source, fillingWords: false) else { return WordLists([:]) }
        return process.words
    }()

    public static func load(_ source: SourceFile) throws(DiagnosticError) -> SalesProcess {
        try load(source, fillingWords: true)
    }

    private static func load(_ source: SourceFile, fillingWords: Bool) throws(DiagnosticError) -> SalesProcess {
        let reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty {
                reader.report(FileProblem.empty, at: .start)
            }
            throw DiagnosticError(reader.diagnostics.sortedByLocation)
        }
        let process = ProcessDecoder(reader: reader).decode(root)
        if reader.hasErrors { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        guard var process else { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        if fillingWords {
            for list in WordList.allCases where process.words.lists[list] == nil {
                process.words.lists[list] = builtinWords[list]
            }
        }
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
    /// Each `requires:` entry, with the item that names it, checked once every id is known.
    private var requirementNodes: [(required: String, owner: String?, node: Node)] = []

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
        let words = wordLists(fields)
        let prepMinutes = prepTime(fields)
        checkRequirements(stages.flatMap(\.milestones) + practices)

        let language = language(fields)
        let dateOrder = dateOrder(fields)
        guard let id, let version, let title else { return nil }
        var process = SalesProcess(id: id, version: version, title: title, stages: stages, practices: practices,
                                   checks: checks, words: words, prepMinutes: prepMinutes ?? SalesProcess.defaultPrepMinutes)
        process.language = language ?? process.language
        process.dateOrder = dateOrder
        return process
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
        let requirements = evidenceRequirements(fields)
        let exclusions = reader.list(fields, "not").compactMap(exclusion)
        let requires = reader.list(fields, "requires").compactMap { node -> String? in
            guard let required = node.scalar?.string.trimmed, !required.isEmpty else {
                reader.report(DocumentProblem.expectedText(key: "requires"), at: node)
                return nil
            }
            requirementNodes.append((required, id, node))
            return required
        }
        let guidance = reader.text(fields, "guidance") ?? ""
        guard let id, let title else { return nil }
        return Milestone(id: id, title: title, weight: weight ?? 1, required: required, ask: ask,
                         rule: EvidenceRule(requirements: requirements ?? [[EvidenceTerm(.text)]], exclusions: exclusions),
                         requires: requires, guidance: guidance, line: reader.location(of: node).line)
    }

    /// `evidence: amount`, `evidence: [amount theirs, quote]`, `evidence: [date or amount]`: every
    /// entry must hold, each by any one of the terms it names.
    private func evidenceRequirements(_ fields: Fields) -> [[EvidenceTerm]]? {
        guard fields["evidence"] != nil else { return nil }
        let requirements = reader.list(fields, "evidence").compactMap { node -> [EvidenceTerm]? in
            guard let raw = node.scalar?.string else {
                reader.report(DocumentProblem.expectedText(key: "evidence"), at: node)
                return nil
            }
            let terms = raw.components(separatedBy: " or ").map { term($0.trimmed) }
            return terms.contains(nil) ? nil : terms.compactMap { $0 }
            func term(_ text: String) -> EvidenceTerm? {
                switch EvidenceTerm.parse(text) {
                case let .success(term): return term
                case let .failure(error):
                    reader.report(ProcessProblem.evidenceTerm(error), at: node)
                    return nil
                }
            }
        }
        return requirements.isEmpty ? nil : requirements
    }

    /// One entry of `not:`: `{words: feelings, unless: [date], because: "..."}`.
    private func exclusion(_ node: Node) -> EvidenceRule.Exclusion? {
        guard let fields = reader.fields(of: node, what: "an entry of 'not'", allowed: ProcessLoader.exclusionKeys,
                                         required: ["words", "because"]) else { return nil }
        let list = wordList(named: reader.text(fields, "words"), at: fields["words"])
        let unless = reader.list(fields, "unless").compactMap { node -> EvidenceTerm? in
            guard let raw = node.scalar?.string else {
                reader.report(ProcessProblem.unknownEvidenceKind("a list or mapping"), at: node)
                return nil
            }
            switch EvidenceTerm.parse(raw) {
            case let .success(term): return term
            case let .failure(error):
                reader.report(ProcessProblem.evidenceTerm(error), at: node)
                return nil
            }
        }
        guard let list, let because = reader.text(fields, "because") else { return nil }
        return EvidenceRule.Exclusion(words: list, unless: unless, because: because)
    }

    private func wordList(named name: String?, at node: Node?) -> WordList? {
        guard let name, let node else { return nil }
        guard let list = WordList(rawValue: name) else {
            reader.report(ProcessProblem.unknownWordList(name, known: WordList.allCases.sorted().map(\.rawValue)), at: node)
            return nil
        }
        return list
    }

    /// `words:`, a mapping of list names to phrases.
    private func wordLists(_ fields: Fields) -> WordLists {
        guard let node = fields["words"] else { return WordLists([:]) }
        guard let mapping = node.mapping else {
            reader.report(DocumentProblem.expectedMapping(key: "words"), at: node)
            return WordLists([:])
        }
        var lists: [WordList: [String]] = [:]
        for (key, value) in mapping {
            guard let list = wordList(named: key.scalar?.string, at: key) else { continue }
            let phrases = Fields(node: value, what: "words", values: ["words": value])
            lists[list] = reader.textList(phrases, "words").map { $0.lowercased() }
        }
        return WordLists(lists)
    }

    /// `language: english`: the Snowball stemmer the word lists and evidence are read with.
    private func language(_ fields: Fields) -> String? {
        guard let node = fields["language"] else { return nil }
        let known = EvidenceLanguages.all
        guard let raw = node.scalar?.string.trimmed.lowercased(), known.contains(raw) else {
            reader.report(ProcessProblem.unknownLanguage(node.scalar?.string ?? "a list or mapping", known: known), at: node)
            return nil
        }
        return raw
    }

    /// `date_order: day-month` or `month-day`: how "3/4" in evidence is read; unset, it is ambiguous.
    private func dateOrder(_ fields: Fields) -> String? {
        guard let node = fields["date_order"] else { return nil }
        guard let raw = node.scalar?.string.trimmed.lowercased(), ["day-month", "month-day"].contains(raw) else {
            reader.report(ProcessProblem.dateOrderInvalid(node.scalar?.string ?? "a list or mapping"), at: node)
            return nil
        }
        return raw
    }

    private func prepTime(_ fields: Fields) -> Int? {
        guard let node = fields["prep_minutes"] else { return nil }
        guard let raw = node.scalar?.string, let minutes = Int(raw.trimmed), (1...24 * 60).contains(minutes) else {
            reader.report(ProcessProblem.prepMinutesInvalid(node.scalar?.string ?? "a list or mapping"), at: node)
            return nil
        }
        return minutes
    }

    /// Every `requires:` names an item of the process other than its own.
    private func checkRequirements(_ items: [Milestone]) {
        let ids = Set(items.map(\.id))
        for (required, owner, node) in requirementNodes {
            if required == owner {
                reader.report(ProcessProblem.requiresItself(required), at: node)
            } else if !ids.contains(required) {
                reader.report(ProcessProblem.unknownRequiredItem(required), at: node)
            }
        }
    }

    private func positiveWeight(_ fields: Fields) -> Double? {
        guard let node = fields["weight"] else { return nil }
        guard let raw = node.scalar?.string, let value = Double(raw), value.isFinite, value > 0, value <= 1e6 else {
            reader.report(ProcessProblem.weightNotPositive(node.scalar?.string ?? "a list or mapping"), at: node)
            return nil
        }
        return value
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
            let threshold = reader.number(settings, "threshold", in: 0...1e6)
            return CheckSetting(id: id, enabled: reader.bool(settings, "enabled") ?? true, weight: weight,
                                threshold: threshold, line: reader.location(of: key).line)
        }
    }
}
