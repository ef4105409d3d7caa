import Foundation
import Testing
@testable import CallPrepKit

/// A broken file and the exact diagnostics it must produce.
struct BrokenFileCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let expected: [String]
    var testDescription: String { name }
}

/// The head of a valid process, for cases that break only a milestone.
private let head = "id: x\nversion: 1\ntitle: T\nstages:\n  - id: a\n    title: A\n    milestones:\n"

@Suite("Process files")
struct ProcessLoaderTests {
    static let brokenProcesses: [BrokenFileCase] = [
        .init(name: "malformed YAML", text: "id: x\nversion: 1\ntitle: [a\n",
              expected: ["p.yaml:4:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        .init(name: "unknown key", text: head + "      - id: m\n        title: M\n        wieght: 2\n",
              expected: ["p.yaml:10:9: error: unknown key 'wieght' in a milestone (expected one of: id, title, weight, required, ask, evidence, not, requires, guidance)"]),
        .init(name: "unknown top-level key", text: "id: x\nversion: 1\ntitle: T\nstage: []\n",
              expected: ["p.yaml:1:1: error: the process is missing 'stages'",
                         "p.yaml:4:1: error: unknown key 'stage' in the process (expected one of: id, version, title, stages, practices, checks, words, prep_minutes, language, date_order)"]),
        .init(name: "weight is text", text: head + "      - id: m\n        title: M\n        weight: two\n",
              expected: ["p.yaml:10:17: error: 'weight' must be a positive number up to 1000000, not 'two'"]),
        .init(name: "weight is zero", text: head + "      - id: m\n        title: M\n        weight: 0\n",
              expected: ["p.yaml:10:17: error: 'weight' must be a positive number up to 1000000, not '0'"]),
        .init(name: "weight is negative", text: head + "      - id: m\n        title: M\n        weight: -1.5\n",
              expected: ["p.yaml:10:17: error: 'weight' must be a positive number up to 1000000, not '-1.5'"]),
        .init(name: "required is not a boolean", text: head + "      - id: m\n        title: M\n        required: maybe\n",
              expected: ["p.yaml:10:19: error: 'required' must be true or false, not 'maybe'"]),
        .init(name: "ask is a mapping", text: head + "      - id: m\n        title: M\n        ask: {q: 1}\n",
              expected: ["p.yaml:10:14: error: 'ask' must be a list"]),
        .init(name: "title is a list", text: head + "      - id: m\n        title: [a, b]\n",
              expected: ["p.yaml:9:16: error: 'title' must be text, not a list or mapping"]),
        .init(name: "missing ids", text: "id: x\nversion: 1\ntitle: T\nstages:\n  - title: A\n    milestones:\n      - title: M\n",
              expected: ["p.yaml:5:5: error: a stage is missing 'id'", "p.yaml:7:9: error: a milestone is missing 'id'"]),
        .init(name: "empty id", text: head + "      - id: \"\"\n        title: M\n",
              expected: ["p.yaml:8:13: error: 'id' must not be empty"]),
        .init(name: "duplicate id across stages", text: head + "      - id: m\n        title: M\n  - id: b\n    title: B\n    milestones:\n      - id: m\n        title: again\n",
              expected: ["p.yaml:13:13: error: duplicate id 'm' (first used on line 8)"]),
        .init(name: "practice reuses a milestone id", text: head + "      - id: m\n        title: M\npractices:\n  - id: m\n    title: P\n",
              expected: ["p.yaml:11:9: error: duplicate id 'm' (first used on line 8)"]),
        .init(name: "empty stage", text: "id: x\nversion: 1\ntitle: T\nstages:\n  - id: a\n    title: A\n    milestones: []\n",
              expected: ["p.yaml:7:17: error: stage 'a' has no milestones"]),
        .init(name: "no stages", text: "id: x\nversion: 1\ntitle: T\nstages: []\n",
              expected: ["p.yaml:4:9: error: the process has no stages"]),
        .init(name: "unknown evidence kind", text: head + "      - id: m\n        title: M\n        evidence: photo\n",
              expected: ["p.yaml:10:19: error: unknown evidence kind 'photo' (expected one of: text, number, amount, date, person, quote, outcomes, attendee, deed, role, decision, conditions, list, preparation)"]),
        .init(name: "a rule's alternative names no kind", text: head + "      - id: m\n        title: M\n        evidence: [amount, date or photo]\n",
              expected: ["p.yaml:10:28: error: unknown evidence kind 'photo' (expected one of: text, number, amount, date, person, quote, outcomes, attendee, deed, role, decision, conditions, list, preparation)"]),
        .init(name: "a rule's exclusion names no word list", text: head + "      - id: m\n        title: M\n        not:\n          - words: moods\n            because: Moods are no reason.\n",
              expected: ["p.yaml:11:20: error: unknown word list 'moods' (expected one of: attributions, benchmarks, currencies, decisions, deeds, events, feelings, intentions, negations, presenting, refusals, requests, units)"]),
        .init(name: "a rule's exclusion says no why", text: head + "      - id: m\n        title: M\n        not:\n          - words: feelings\n",
              expected: ["p.yaml:11:13: error: an entry of 'not' is missing 'because'"]),
        .init(name: "an exclusion's unless names no kind", text: head + "      - id: m\n        title: M\n        not:\n          - {words: feelings, unless: [mood], because: No.}\n",
              expected: ["p.yaml:11:40: error: unknown evidence kind 'mood' (expected one of: text, number, amount, date, person, quote, outcomes, attendee, deed, role, decision, conditions, list, preparation)"]),
        .init(name: "requires names no item", text: head + "      - id: m\n        title: M\n        requires: [decision-maker]\n",
              expected: ["p.yaml:10:20: error: 'requires' names 'decision-maker', which is no milestone or practice of this process"]),
        .init(name: "an item requires itself", text: head + "      - id: m\n        title: M\n        requires: m\n",
              expected: ["p.yaml:10:19: error: 'm' cannot require itself"]),
        .init(name: "an evidence qualifier of no known name",
              text: head + "      - id: m\n        title: M\n        evidence: [amount ours]\n",
              expected: ["p.yaml:10:20: error: unknown qualifier 'ours' after an evidence kind (expected theirs, not-ours, done, took-part, negated-ok or one buying role: decision-maker, economic-buyer, champion, influencer, technical-buyer, user, referrer, gatekeeper, blocker, unknown)"]),
        .init(name: "a person's qualifier on another kind",
              text: head + "      - id: m\n        title: M\n        evidence: [date or amount took-part]\n",
              expected: ["p.yaml:10:20: error: 'took-part' narrows a person, not 'amount' (write 'person took-part' or 'attendee took-part')"]),
        .init(name: "a stemmer language libstemmer does not have", text: head + "      - id: m\n        title: M\nlanguage: klingon\n",
              expected: ["p.yaml:10:11: error: unknown language 'klingon' for the stemmer (expected one of: \(EvidenceLanguages.all.joined(separator: ", ")))"]),
        .init(name: "a date order of no known kind", text: head + "      - id: m\n        title: M\ndate_order: ymd\n",
              expected: ["p.yaml:10:13: error: 'date_order' must be day-month or month-day, not 'ymd'"]),
        .init(name: "prep time of no minutes", text: head + "      - id: m\n        title: M\nprep_minutes: 0\n",
              expected: ["p.yaml:10:15: error: 'prep_minutes' must be a whole number of minutes from 1 to 1440, not '0'"]),
        .init(name: "a word list of no known name", text: head + "      - id: m\n        title: M\nwords:\n  moods: [glum]\n",
              expected: ["p.yaml:11:3: error: unknown word list 'moods' (expected one of: attributions, benchmarks, currencies, decisions, deeds, events, feelings, intentions, negations, presenting, refusals, requests, units)"]),
        .init(name: "id with spaces", text: head + "      - id: my milestone\n        title: M\n",
              expected: ["p.yaml:8:13: error: id 'my milestone' may hold only letters, digits, '-', '_' and '.', and must start with a letter or digit"]),
        .init(name: "duplicate key", text: "id: x\nversion: 1\ntitle: T\ntitle: U\nstages: []\n",
              expected: ["p.yaml:4:1: error: duplicate key 'title'"]),
        .init(name: "a list, not a mapping", text: "- a\n- b\n",
              expected: ["p.yaml:1:1: error: the process must be a mapping of keys to values"]),
        .init(name: "two documents", text: "id: x\n---\nid: y\n",
              expected: ["p.yaml:2:1: error: expected one YAML document, found more (remove the extra '---')"]),
        .init(name: "nested a thousand levels deep", text: "id: " + String(repeating: "[", count: 1_001),
              expected: ["p.yaml:1:6: error: invalid YAML: lists and mappings are nested too deep"]),
        .init(name: "only a comment", text: "# nothing here\n",
              expected: ["p.yaml:1:1: error: the file is empty"]),
        .init(name: "check setting of the wrong type", text: head + "      - id: m\n        title: M\nchecks:\n  next-step-dated: {enabled: sometimes, threshold: -2}\n",
              expected: ["p.yaml:11:30: error: 'enabled' must be true or false, not 'sometimes'",
                         "p.yaml:11:52: error: 'threshold' must be between 0 and 1000000, not '-2'"]),
        .init(name: "unknown check id", text: head + "      - id: m\n        title: M\nchecks:\n  next-step: false\n",
              expected: ["p.yaml:11:3: error: unknown check 'next-step' (expected one of: below-minimum-outcome, champion-untested, colleague-without-task, next-step-dated, next-step-decision-maker, no-prep-brief, pains-quantified, presenting-before-discovery, proposal-before-discovery, relationship-vendor-level, required-without-evidence, self-assessment-gap, stage-ahead-of-evidence)"]),
        .init(name: "several problems at once", text: head + "      - id: m\n        title: M\n        evidence: photo\n        weight: -1\n      - id: a\n        title: dup\n",
              expected: ["p.yaml:10:19: error: unknown evidence kind 'photo' (expected one of: text, number, amount, date, person, quote, outcomes, attendee, deed, role, decision, conditions, list, preparation)",
                         "p.yaml:11:17: error: 'weight' must be a positive number up to 1000000, not '-1'",
                         "p.yaml:12:13: error: duplicate id 'a' (first used on line 5)"]),
    ]

    @Test("broken process files give exact diagnostics", arguments: brokenProcesses)
    func brokenProcess(_ testCase: BrokenFileCase) {
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in
            try ProcessLoader.load(SourceFile(path: "p.yaml", text: testCase.text))
        }
        #expect(found == testCase.expected)
    }

    @Test func validProcessDecodesEveryKey() throws {
        let text = """
            id: tiny
            version: 2
            title: Tiny
            stages:
              - id: first
                title: First
                goal: Get going
                milestones:
                  - id: m1
                    title: One
                    weight: 2.5
                    required: false
                    evidence: amount
                    guidance: Ask for numbers.
                    ask: [How much?, How often?]
                  - id: m2
                    title: Two
            practices:
              - id: p1
                title: Practice
                ask: Single question?
            checks:
              next-step-dated: false
              self-assessment-gap: {threshold: 30, weight: 2}
            """
        let process = try ProcessLoader.load(SourceFile(path: "t.yaml", text: text))
        #expect(process.id == "tiny")
        #expect(process.version == "2")
        #expect(process.stages.map(\.id) == ["first"])
        #expect(process.stages[0].goal == "Get going")
        let m1 = process.stages[0].milestones[0]
        #expect(m1 == Milestone(id: "m1", title: "One", weight: 2.5, required: false, ask: ["How much?", "How often?"],
                                evidence: .amount, guidance: "Ask for numbers.", line: 9))
        let m2 = process.stages[0].milestones[1]
        #expect(m2.weight == 1 && m2.required && m2.evidence == .text)
        #expect(process.practices.map(\.ask) == [["Single question?"]])
        #expect(process.checks == [CheckSetting(id: .nextStepDated, enabled: false, line: 23),
                                   CheckSetting(id: .selfAssessmentGap, weight: 2, threshold: 30, line: 24)])
    }

    @Test("shipped processes load", arguments: ProcessResolver.builtinIDs)
    func shippedProcessLoads(id: String) throws {
        let process = try TestSupport.builtinProcess(id)
        #expect(process.id == id)
        for item in process.milestones + process.practices {
            #expect(!item.guidance.isEmpty, "\(item.id) has no guidance")
        }
        for item in process.milestones {
            #expect(!item.ask.isEmpty, "\(item.id) has no questions to ask")
        }
    }

    @Test func defaultProcessCoversTheFieldsMilestones() throws {
        let process = try TestSupport.builtinProcess("b2b")
        #expect(process.stages.map(\.id) == ["connect", "discover", "common-fit", "propose", "commit", "close"])
        // What each milestone's evidence must contain, what does not count, and what it needs first.
        let rules = Dictionary(uniqueKeysWithValues: (process.milestones + process.practices).map { item in
            (item.id, [item.rule.description] + item.rule.exclusions.map { "not \($0.words.rawValue)" }
                + item.requires.map { "requires \($0)" })
        })
        let expected: [String: [String]] = [
            "meeting-reason-agreed": ["outcomes"], "contact-role-known": ["person"],
            "problems-identified": ["text not-ours", "not feelings"],
            "impact-quantified": ["amount theirs", "not benchmarks"], "frequency-quantified": ["number"],
            "compelling-reason": ["date or amount", "not feelings"],
            "commitment-to-solve": ["decision or date or amount", "not requests", "not feelings"],
            "common-fit-agreed": ["conditions"],
            "decision-maker-engaged": ["attendee decision-maker"], "decision-process-known": ["list and role"],
            "funding-confirmed": ["amount"], "solution-tied-to-impact": ["amount theirs"],
            "solution-reviewed-with-decision-maker": ["attendee decision-maker", "not intentions"],
            "proposal-delivered": ["date", "not intentions", "requires solution-reviewed-with-decision-maker"],
            "verbal-commitment": ["attendee decision-maker", "requires decision-maker-engaged"],
            "paper-process-known": ["list and role and date or amount", "requires decision-maker-engaged"],
            "contract-signed": ["date", "not intentions", "requires decision-maker-engaged"], "handoff-agreed": ["date"],
            "upfront-agreement": ["outcomes"], "prepared": ["preparation"], "roles-planned": ["list"],
            "next-step-agreed": ["date"], "decision-maker-in-next-step": ["person decision-maker and date"],
            "no-premature-presenting": ["text negated-ok"],
        ]
        for (id, rule) in expected {
            #expect(rules[id] == rule, "\(id)")
        }
        #expect(process.prepMinutes == 30)
        #expect(WordList.allCases.allSatisfy { !process.words[$0].isEmpty }, "b2b.yaml defines every word list")
        #expect(process.practices.map(\.id) == ["upfront-agreement", "prepared", "roles-planned", "next-step-agreed",
                                                 "decision-maker-in-next-step", "no-premature-presenting"])
    }

    @Test func meddpiccHasItsEightElements() throws {
        let process = try TestSupport.builtinProcess("meddpicc")
        let ids = Set(process.milestones.map(\.id))
        for id in ["metrics", "economic-buyer", "decision-criteria", "decision-process", "paper-process",
                   "identify-pain", "champion", "competition"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        #expect(process.milestones.first { $0.id == "economic-buyer" }?.rule.description == "attendee economic-buyer")
        #expect(process.milestones.first { $0.id == "champion" }?.rule.description == "attendee and deed")
        #expect(process.milestones.first { $0.id == "metrics" }?.rule.description == "amount theirs")
        #expect(process.milestones.first { $0.id == "paper-process" }?.requires == ["economic-buyer"])
        // A process that names no word lists gets the default process's.
        #expect(process.words == (try TestSupport.builtinProcess("b2b")).words)
    }

    @Test func summaryListsEveryStageAndMilestone() throws {
        let process = try TestSupport.builtinProcess("b2b")
        let summary = ProcessSummaryMarkdown.render(process)
        let tree = MarkdownParser.parse(summary)
        let stageHeadings = tree.children.filter { $0.kind == .heading && $0.headingLevel == 2 }.map(\.plainText)
        #expect(stageHeadings == process.stages.enumerated().map { "\($0.offset + 1). \($0.element.title) (\($0.element.id))" }
            + ["Practices scored on every call"])
        let idCells = tree.descendants.filter { $0.kind == .tableRow }.map { $0.children[1].plainText }
        #expect(idCells == (process.milestones + process.practices).map(\.id))
    }
}
