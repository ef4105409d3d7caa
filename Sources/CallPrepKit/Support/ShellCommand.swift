import Foundation

/// Commands callprep prints for a person to paste into a shell. Every value in one is quoted, so
/// that a file name or an invite's UID, which whoever sends the invite chooses, stays one word and
/// runs nothing.
public enum ShellCommand {
    /// `words` joined into a command line, each quoted where the shell would read it otherwise.
    public static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// `word` as is when every character is plain (letters, digits, `@%+=:,./_-`), else in single
    /// quotes, each `'` inside written `'\''`.
    public static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `command` as a Markdown code span: fenced by one more backtick than the longest run in it,
    /// so no backtick in a path can end the span early.
    public static func codeSpan(_ command: String) -> String {
        var longest = 0, run = 0
        for character in command {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = command.hasPrefix("`") || command.hasSuffix("`") ? " " : ""
        return fence + pad + command.replacingOccurrences(of: "\n", with: " ") + pad + fence
    }
}
