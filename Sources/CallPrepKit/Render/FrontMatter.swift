import Foundation

/// The YAML front matter of a debrief form, between `---` lines at the top of the file, as the
/// form writes it (the parser splits it off again: Parse/FrontMatterSplit.swift).
public enum FrontMatter {
    /// Front matter lines for `pairs`, each value a YAML double-quoted string, so that no value can
    /// end the block or add a key whatever it holds.
    public static func render(_ pairs: [(key: String, value: String)]) -> String {
        var out = "---\n"
        for (key, value) in pairs {
            out += "\(key): \(doubleQuoted(value))\n"
        }
        return out + "---\n"
    }
}
