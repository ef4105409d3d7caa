/// The debrief form's contract: what `Render/` writes and `Parse/` reads back, in one place so that
/// the two cannot drift apart. The format and its version, the front matter's keys, the marker
/// comments, the sections (FormSection.swift) and the labelled answers (AnswerLabel.swift). The
/// template's own text, which the parser must tell from what a person wrote, is found by rendering
/// forms from it (Parse/FormBoilerplate.swift, BuiltinBoilerplate for the built-in template).
public enum FormContract {
    /// What every version of the front matter's `form` key starts with: how a debrief is known.
    public static let format = "callprep.debrief-form/"
    /// The one version this callprep writes and reads.
    public static let formatVersion = format + "1"

    /// The front matter's keys, in the order the form writes them.
    public enum Key: String, CaseIterable, Sendable {
        case form, meeting, opportunity, account, rep, date, process
        case processVersion = "process_version"
        case stage
    }

    /// The prefix of a marker comment: `<!-- callprep:plan -->` marks the plan's heading.
    public static let markerPrefix = "callprep:"

    /// The marker of a milestone the deal's history met, shown met on the form, not asked again.
    public static let metEarlier = "met-earlier"

    /// The marker comment for `id`.
    public static func marker(_ id: String) -> String { "<!-- \(markerPrefix)\(id) -->" }
}
