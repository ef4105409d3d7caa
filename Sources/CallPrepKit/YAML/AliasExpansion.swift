import CYaml

/// The size of a YAML document with every alias replaced by what it names. Yams shares an aliased
/// node instead of copying it, so loading costs what the text costs; but whatever reads the values
/// afterwards (a brief lists every pain) pays for each alias again: 730 KB that alias one 10 KB
/// pain 240,000 times made `brief` write 2.4 GB. So a document is refused at the alias that makes
/// it larger, expanded, than any file callprep reads.
///
/// libyaml's events are read once more for this (Yams keeps no place for an alias), and only for
/// a text with an anchor in it.
enum AliasExpansion {
    /// Bytes of values, and one per node, of the expanded document: the largest file callprep reads.
    static let maxExpandedBytes = 1 << 20

    struct Overflow: Equatable {
        /// The alias's name, without its `*`.
        let alias: String
        /// Where the alias is, 1-based, in the YAML text.
        let line: Int
        let column: Int
    }

    /// The first alias past which the expanded document holds more than `limit`; nil when there is
    /// none, or when the text is not valid YAML (Yams then reports why).
    static func firstOverflow(in text: String, limit: Int = maxExpandedBytes) -> Overflow? {
        // Without an anchor no alias can be valid: most files are not read twice.
        guard text.utf8.contains(UInt8(ascii: "&")), text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return walk(&parser, limit: limit)
        }
    }

    /// Adds up the expanded size event by event: a scalar is its bytes and one, a collection one and
    /// what it holds, an alias what its anchor expanded to. The total only grows, and the walk stops
    /// as soon as it passes the limit, so no sum can overflow.
    private static func walk(_ parser: inout yaml_parser_t, limit: Int) -> Overflow? {
        var expanded: [String: Int] = [:]
        // The collections open, each with its anchor and the total when it opened.
        var open: [(anchor: String?, start: Int)] = []
        var total = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                let size = event.data.scalar.length + 1
                total += size
                if let anchor = name(event.data.scalar.anchor) { expanded[anchor] = size }
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), total))
                total += 1
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), total))
                total += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { return nil }
                if let anchor = collection.anchor { expanded[anchor] = total - collection.start }
            case YAML_ALIAS_EVENT:
                // An alias of an unknown anchor, or of a collection still open (a cycle), is Yams' to report.
                guard let alias = name(event.data.alias.anchor), let size = expanded[alias] else { return nil }
                total += size
                if total > limit {
                    return Overflow(alias: alias, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
                }
            default:
                continue
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let anchor else { return nil }
        return String(cString: anchor)
    }
}
