/// Whether text output may use colour: only on a terminal, never with NO_COLOR set (no-color.org)
/// or on a dumb terminal.
public enum TerminalColor {
    public static func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
