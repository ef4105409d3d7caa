// Recorded by BoilerplateTests from templates/debrief.md.mustache (CALLPREP_RECORD=1 swift test). Do not edit.

/// The blocks of text the built-in debrief form template writes by itself, normalized.
enum BuiltinBoilerplate {
    static let texts: [String] = [
        "action owner due yyyy mm dd state open done dropped since",
        "call practices callprep practices",
        "coaching notes callprep coaching",
        "comments",
        "confirm what the deal already has leave open what it still lacks",
        "connect",
        "earlier milestones callprep earlier milestones",
        "for the manager say whether you agree with how each item was marked then grade the call",
        "grade 0 to 100",
        "how to fill in this form check the box x of each item the call reached and write the evidence after evidence what the customer said or did with their own numbers names and dates a checked box without evidence counts as unsupported leave the box empty when the call did not reach the item when an item marked optional does not apply to this call write n a and the reason as its evidence required items are never n a keep the ids in backticks and the callprep comments they tell callprep which answer is which rename headings reorder sections and add your own notes as you like",
        "item agree yes or no comment problems identified impact quantified frequency quantified compelling reason commitment to solve meeting reason agreed contact role known upfront agreement prepared roles planned next step agreed decision maker in next step no premature presenting",
        "manager review callprep review",
        "milestones of discover callprep milestones",
        "next steps callprep next steps",
        "one note per bullet name the item a note is about by its id in backticks and sign it for example impact quantified ask for their figure before offering ours sam lee",
        "one row per step a good next step has an owner and a date and involves the decision maker",
        "pains callprep pains",
        "people met callprep people",
        "plan and result callprep plan",
        "reason for the meeting and its possible outcomes agreed up front meeting reason agreed evidence the possible outcomes agreed including that no is fine the contact s role in the problem and in buying known contact role known evidence who by name",
        "remove anyone who did not attend add the people you met for the first time as new",
        "reviewer",
        "score 0 to 100",
        "self assessment callprep self assessment",
        "the customer s problems as they described them with the impact and frequency in their own numbers",
        "the customer s problems identified problems identified evidence what the customer said or did in their words the impact of each problem quantified in the customer s own numbers impact quantified evidence an amount in the customer s own numbers e g eur 40k a quarter how often each problem occurs in the customer s own numbers frequency quantified evidence a number the customer gave e g 30 a month a compelling reason to act now and the cost of doing nothing compelling reason evidence a date e g 2026 12 03 or an amount in the customer s own numbers e g eur 40k a quarter the customer s commitment to solve the problem commitment to solve evidence what they decided approved or funded or a date e g 2026 12 03 or an amount in the customer s own numbers e g eur 40k a quarter",
        "the deal s steps still open come filled in mark each done or dropped in state or leave it open a step stays open until a debrief marks it add id after an action to keep it the same step when you reword it",
        "up front agreement made at the start of the call upfront agreement evidence the possible outcomes agreed including that no is fine prepared beforehand prepared evidence your written plan or how long you prepared each colleague s role in the call planned optional roles planned evidence each part in turn whether steps roles or criteria a next step agreed with an owner and a date next step agreed evidence a date e g 2026 12 03 the decision maker involved in the next step decision maker in next step evidence who by name a date e g 2026 12 03 no presenting before discovery was done no premature presenting evidence what the customer said or did in their words",
        "what i would do differently",
        "what went well",
    ]
}
