/// A champion named, but nothing shows them acting for the deal.
struct ChampionUntestedCheck: ScoringCheck {
    let description = CheckDescription(
        id: .championUntested,
        summary: "Someone is called the champion, but nothing shows them doing anything for the deal.",
        why: "A champion is tested by what they do: introduce us to the decision maker, share their data, "
            + "arrange access. A friendly contact who has done none of it is a coach at best, and a deal that "
            + "leans on them is weaker than the forecast says.",
        threshold: nil,
        item: "champion",
        triggers: [
            CheckExample("a champion who has only been friendly", stage: "common-fit", """
                ## Milestones of Common fit <!-- callprep:milestones -->

                - [x] Common fit agreed `common-fit-agreed`

                  Evidence: Mara is a fan of ours and counts as our champion; both sides' lists agreed.

                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Mara Jensen | Head of Operations | champion | known |
                """),
        ],
        passes: [
            CheckExample("a champion who introduced us and shared data", stage: "common-fit", """
                ## Milestones of Common fit <!-- callprep:milestones -->

                - [x] Common fit agreed `common-fit-agreed`

                  Evidence: Mara introduced us to the COO and shared the Q3 delivery data.

                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Mara Jensen | Head of Operations | champion | known |
                """),
            CheckExample("a champion in the discovery stage, still to be tested", """
                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Mara Jensen | Head of Operations | champion | new |
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let champions = context.people.people.filter { $0.role == .champion }
        guard let champion = champions.first else { return [] }
        // A process item that asks for a deed (MEDDPICC's champion) decides; without one, the test
        // is due once discovery is done.
        let deedItems = context.facts.deedItemIDs
        if !deedItems.isEmpty {
            guard !deedItems.contains(where: context.metOverHistory.contains),
                  let item = context.items.first(where: { deedItems.contains($0.id) && $0.status != .missed }) else {
                return []
            }
            return [finding(message(champion), line: item.line)]
        }
        guard let claimed = context.process.stageIndex(context.stage.claimed),
              claimed > context.facts.discoveryStageIndex else { return [] }
        let names = Set(champions.map { $0.name })
        let deeds = context.words[.deeds]
        let people = context.people.evidencePeople
        let acted = context.record.items.contains { item in
            // Most evidence names no deed: a byte search turns it away before it is read.
            guard !item.evidence.isEmpty, deeds.mayOccur(inNormalized: normalized(item.evidence)) else { return false }
            // Read as the rules read it: the champion named in a clause that tells a deed done.
            let reading = context.reader.reading(item.evidence, people: people)
            return reading.facts.clauses.contains { clause in
                clause.facts.persons.contains { names.contains($0.name) }
                    && (clause.modality.kind == .done || clause.modality.kind == .stated)
                    && context.words.stemmed(.deeds).matches(in: clause.tokens, of: reading.tokens.tokens)
                        .contains { !reading.negation.isNegated($0.tokens.lowerBound) }
            }
        }
        return acted ? [] : [finding(message(champion), line: nil)]
    }

    private func message(_ champion: PeoplePicture.Person) -> String {
        "\(champion.name) is called the champion, but nothing recorded shows them acting for the deal "
            + "(an introduction, shared data, arranged access)."
    }
}
