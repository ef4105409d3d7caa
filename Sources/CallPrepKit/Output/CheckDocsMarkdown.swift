/// docs/checks.md, made from the checks themselves so that the documentation cannot drift.
public enum CheckDocsMarkdown {
    public static func render(_ checks: [any ScoringCheck] = CheckRegistry.all) -> String {
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
        return out
    }
}
