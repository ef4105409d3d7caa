/// What an index stores of a debrief and its scorecard, whichever store holds it (`IndexWriter`,
/// `PostgresWriter`): one spelling of which items count, which answers are kept and what they carry.
enum StoredScorecard {
    /// One item in play that the manager's review answered, with what the store keeps of it.
    struct Answer {
        let item: Scorecard.Item
        let agree: Bool
        let comment: String?
        /// The evidence the rep wrote under the item ("" when none).
        let evidence: String
        /// The evidence reader's facts, as JSON.
        var facts: String? { item.facts.map { JSONWriter.write($0) } }
    }

    /// The items of the call's own scorecard: an item an earlier debrief met is not in play in
    /// this call, and the report counts it there.
    static func items(_ card: Scorecard) -> [Scorecard.Item] {
        card.items.filter { $0.earlier == nil }
    }

    /// Each item in play that the manager's review answered (yes or no), the first answer of an id.
    static func answers(_ card: Scorecard, of record: DebriefRecord) -> [Answer] {
        var answers: [String: DebriefRecord.ReviewItem] = [:]
        for answer in record.review.items where answer.agree != nil && answers[answer.id] == nil { answers[answer.id] = answer }
        guard !answers.isEmpty else { return [] }
        var evidence: [String: String] = [:]
        for item in record.items where evidence[item.id] == nil { evidence[item.id] = item.evidence }
        return items(card).compactMap { item in
            guard let answer = answers[item.id], let agree = answer.agree else { return nil }
            return Answer(item: item, agree: agree, comment: answer.comment, evidence: evidence[item.id] ?? "")
        }
    }

    /// Whether the scorecard finds the claimed stage ahead of the evidence.
    static func aheadOfEvidence(_ card: Scorecard) -> Bool {
        card.findings.contains { $0.check == CheckID.stageAheadOfEvidence.rawValue }
    }
}

extension DebriefRecord {
    /// The reviewer the index stores: nil when the debrief names none.
    var storedReviewer: String? { review.reviewer.flatMap { $0.isEmpty ? nil : $0 } }
    /// How many rows of the review table the manager answered.
    var answeredReviewRows: Int { review.items.filter { $0.agree != nil }.count }
}
