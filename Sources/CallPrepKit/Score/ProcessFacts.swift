/// What checks ask of a process on every debrief, worked out once per process (asking it of the
/// process itself copied its milestones for every debrief).
extension EvidenceReader {
    /// The reader of a process: its stemmer's language, its date order, and its own `units`,
    /// `currencies`, `events` and `attributions` lists read beside the readers' tables. English
    /// when a process built in code names a language libstemmer lacks (the loader refuses one).
    static func of(_ process: SalesProcess) -> EvidenceReader {
        let words = process.words
        let vocabulary = Vocabulary(units: words[.units], currencies: words[.currencies], events: words[.events],
                                    reporting: words[.attributions].filter { !$0.contains(" ") })
        let order = process.dateOrder.flatMap(DateOrder.init(rawValue:))
        return EvidenceReader(language: process.language, dateOrder: order, vocabulary: vocabulary)
            ?? EvidenceReader(dateOrder: order, vocabulary: vocabulary)!
    }
}

struct ProcessFacts: Sendable {
    /// Required milestones up to the discovery stage (the first whose id or title says "discover"
    /// or "identify"; else the first stage).
    let discoveryMilestoneIDs: [String]
    let discoveryStageIndex: Int
    /// Items whose evidence must show a deed: a tested champion.
    let deedItemIDs: [String]
    /// The first stage with a milestone that asks for someone who took part: where the decision
    /// level is needed.
    let decisionStageIndex: Int?
    /// Items met only by a decision maker or economic buyer who took part: when one is met, the
    /// decision level took part, whatever the people-met table says.
    let deciderItemIDs: Set<String>

    init(_ process: SalesProcess) {
        let discovery = process.stages.firstIndex { stage in
            let words = normalized(stage.id + " " + stage.title)
            return words.contains("discover") || words.contains("identif")
        } ?? 0
        discoveryStageIndex = discovery
        discoveryMilestoneIDs = process.stages.prefix(discovery + 1).flatMap(\.milestones).filter(\.required).map(\.id)
        deedItemIDs = (process.milestones + process.practices).filter { $0.rule.requirements.contains { $0.map(\.kind) == [.deed] } }.map(\.id)
        deciderItemIDs = Set((process.milestones + process.practices).filter { item in
            item.rule.requirements.contains { $0.contains { ($0.kind == .attendee || $0.tookPart)
                && ($0.role == .decisionMaker || $0.role == .economicBuyer) } }
        }.map(\.id))
        decisionStageIndex = process.stages.firstIndex { stage in
            stage.milestones.contains { $0.rule.requirements.contains { $0.contains { $0.kind == .attendee || $0.tookPart } } }
        }
    }
}
