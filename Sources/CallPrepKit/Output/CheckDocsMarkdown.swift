/// docs/checks.md, made from the checks themselves so that the documentation cannot drift.
public enum CheckDocsMarkdown {
    public static func render(_ checks: [any ScoringCheck] = CheckRegistry.all,
                              examples: [EvidenceRuleExample] = EvidenceRuleExamples.all) -> String {
        var out = """
            # Checks

            <!-- Generated from Sources/CallPrepKit/Score/Checks by `CALLPREP_RECORD=1 swift test`; do not edit. -->

            `callprep score` runs these checks on every debrief. Each finding names its check and, where it
            applies, the line of the debrief it looked at. A process file switches a check off or tunes it:

            ```yaml
            checks:
              no-prep-brief: false                  # off
              self-assessment-gap: {threshold: 15}  # a stricter gap
              stage-ahead-of-evidence: {weight: 3}  # its findings are listed first
            ```

            | check | finds |
            | --- | --- |

            """
        out += "| [evidence rules](#evidence-rules) | checked items whose evidence breaks their rule are unsupported |\n"
        for check in checks {
            out += "| [`\(check.description.id.rawValue)`](#\(check.description.id.rawValue)) | \(check.description.summary) |\n"
        }
        for check in checks {
            let description = check.description
            out += "\n## \(description.id.rawValue)\n\n\(description.summary)\n\n**Why it matters:** \(description.why)\n"
            if let threshold = description.threshold {
                out += "\n**Threshold:** \(NumberText.plain(threshold.value)), \(threshold.meaning).\n"
            }
            for (heading, examples) in [("Triggers", description.triggers), ("Does not trigger", description.passes)] {
                for example in examples {
                    out += "\n\(heading): \(example.name)"
                    out += example.stage == "discover" ? "\n" : " (a debrief at stage `\(example.stage)`)\n"
                    out += "\n````markdown\n\(example.markdown.trimmingCharacters(in: .newlines))\n````\n"
                }
            }
        }
        out += """

            ## Evidence rules

            Before any check runs, each checked item's evidence is judged by its rule in the process file
            ([process-file.md](process-file.md#evidence-rules)): what it must contain, and what does not
            count. Evidence that breaks the rule makes the item unsupported, with the rule's reason. Each
            line below is judged as the evidence of an item whose rule is only what the first column says,
            in a debrief whose people met are Mara Jensen (champion) and Henrik Sorensen (decision maker).

            | rule | counts | does not count |
            | --- | --- | --- |

            """
        for example in examples {
            out += "| \(example.rule) | \(MarkdownEscaping.inline(example.passes)) | \(MarkdownEscaping.inline(example.fails)) |\n"
        }
        return out
    }
}
