/// Numbers as every output format writes them, the same on every machine (no locale involved).
public enum NumberText {
    /// `value` rounded to a whole number that an `Int` holds: NaN is 0, and values beyond what an
    /// `Int` holds stop at its limits. Every conversion of a `Double` the user could reach goes
    /// through here, as Swift's own conversion traps on them.
    public static func whole(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        let rounded = value.rounded()
        if rounded >= 9.2e18 { return Int.max }
        if rounded <= -9.2e18 { return Int.min }
        return Int(rounded)
    }

    /// 2 rather than 2.0; 1.5 as it is.
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(whole(value)) : String(value)
    }

    /// `+3`, `0`, `-2`; `–` for no value.
    public static func signed(_ value: Int?) -> String {
        value.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "–"
    }

    /// The mean, rounded to the nearest whole number; 0 for no values.
    public static func average(_ values: [Int]) -> Int {
        values.isEmpty ? 0 : whole(Double(values.reduce(0, +)) / Double(values.count))
    }

    /// The mean, rounded down: the scorecard summaries' figure. 0 for no values.
    public static func flooredAverage(_ values: [Int]) -> Int {
        values.reduce(0, +) / max(values.count, 1)
    }

    /// `part` as a whole percentage of `whole`, rounded; 0 when `whole` is 0.
    public static func percent(_ part: Double, of whole: Double) -> Int {
        whole > 0 ? Self.whole(part / whole * 100) : 0
    }

    /// A count as a whole percentage of another, rounded; 0 when `whole` is 0. (Multiplied before
    /// dividing, unlike weights: the two round alike except at ties that reports show.)
    public static func percent(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : Self.whole(Double(part) * 100 / Double(whole))
    }
}
