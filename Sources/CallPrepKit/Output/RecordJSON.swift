import Foundation

/// Debrief records as JSON: sorted keys, so output is stable and diff-friendly.
public enum RecordJSON {
    public static func render(_ records: [DebriefRecord]) -> String {
        encode(records)
    }

    public static func render(_ record: DebriefRecord) -> String {
        encode(record)
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
