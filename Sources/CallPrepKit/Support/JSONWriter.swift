/// Pretty JSON with sorted keys, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, from the same `Codable`
/// conformances, in a fraction of the time: encoding scorecards was a tenth of `score`'s time
/// (BENCHMARKS.md). A test holds it to Foundation's output.
enum JSONWriter {
    /// `value` at `depth` levels of indentation (its first line unindented).
    static func write(_ value: some Encodable, depth: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        append(tree(value), depth: depth, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    fileprivate enum Value {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case array([Value])
        case object([(key: String, value: Value)])
        /// What a nested container or super encoder holds once the value is encoded.
        case later(TreeEncoder)
    }

    fileprivate static func tree<T: Encodable>(_ value: T) -> Value {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .number(String(number))
        case let number as Double: return self.number(number)
        case let flag as Bool: return .bool(flag)
        default:
            let encoder = TreeEncoder()
            // Nothing in this encoder throws; a value's own encode(to:) could, and would leave null.
            try? value.encode(to: encoder)
            return encoder.result
        }
    }

    /// As Foundation writes numbers: whole numbers below 2^53 without a fraction, others as Swift
    /// prints them ("0.5", "1e+20").
    fileprivate static func number(_ value: Double) -> Value {
        // JSON has no NaN or infinity; no input reaches them, and a bug must not write invalid JSON.
        guard value.isFinite else { return .null }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return .number(String(Int64(value))) }
        return .number(value.description)
    }

    private static func append(_ value: Value, depth: Int, to out: inout [UInt8]) {
        func indent(_ level: Int) { out.append(contentsOf: repeatElement(0x20, count: 2 * level)) }
        switch value {
        case let .string(text): appendString(text, to: &out)
        case let .number(text): out.append(contentsOf: text.utf8)
        case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case let .later(encoder): append(encoder.result, depth: depth, to: &out)
        case let .array(elements):
            out.append(contentsOf: "[\n".utf8)
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                indent(depth + 1)
                append(element, depth: depth + 1, to: &out)
            }
            out.append(0x0A)
            indent(depth)
            out.append(UInt8(ascii: "]"))
        case let .object(entries):
            out.append(contentsOf: "{\n".utf8)
            let sorted = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, entry) in sorted.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                indent(depth + 1)
                appendString(entry.key, to: &out)
                out.append(contentsOf: " : ".utf8)
                append(entry.value, depth: depth + 1, to: &out)
            }
            out.append(0x0A)
            indent(depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Most text needs no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F || $0 == 0xC2 }) {
            out.append(contentsOf: text.utf8)
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        // DEL and the C1 controls (U+0080 to U+009F, 0xC2 then 0x80 to 0x9F) are escaped as well,
        // beyond what JSON requires, so that no control reaches a terminal that shows the JSON.
        var c1 = false
        for byte in text.utf8 {
            if c1 {
                c1 = false
                if (0x80...0x9F).contains(byte) {
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                    continue
                }
                out.append(0xC2)
            }
            switch byte {
            case 0xC2: c1 = true
            case 0x7F: out.append(contentsOf: "\\u007f".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
    }
}

/// Builds a `JSONWriter.Value` from a value's `encode(to:)`.
fileprivate final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    fileprivate final class Object { var entries: [(key: String, value: JSONWriter.Value)] = [] }
    fileprivate final class List { var elements: [JSONWriter.Value] = [] }
    private var object: Object?
    private var list: List?
    fileprivate var single: JSONWriter.Value?

    var result: JSONWriter.Value {
        if let object { return .object(object.entries) }
        if let list { return .array(list.elements) }
        // A value that opened no container encodes as an empty object, as in Foundation.
        return single ?? .object([])
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = self.object ?? Object()
        self.object = object
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list = self.list ?? List()
        self.list = list
        return UnkeyedContainer(list: list)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: Object
        let codingPath: [any CodingKey] = []

        func add(_ value: JSONWriter.Value, _ key: Key) { object.entries.append((key.stringValue, value)) }
        mutating func encodeNil(forKey key: Key) { add(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) { add(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) { add(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) { add(JSONWriter.number(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) { add(JSONWriter.number(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { add(JSONWriter.tree(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            superEncoder(forKey: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            superEncoder(forKey: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = TreeEncoder()
            object.entries.append(("super", .later(encoder)))
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let encoder = TreeEncoder()
            add(.later(encoder), key)
            return encoder
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
        let list: List
        let codingPath: [any CodingKey] = []
        var count: Int { list.elements.count }

        func put(_ value: JSONWriter.Value) { list.elements.append(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            superEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { superEncoder().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder {
            let encoder = TreeEncoder()
            put(.later(encoder))
            return encoder
        }
    }

    private struct SingleContainer: SingleValueEncodingContainer, ValueSink {
        let encoder: TreeEncoder
        let codingPath: [any CodingKey] = []

        func put(_ value: JSONWriter.Value) { encoder.single = value }
    }
}

/// The `encode` methods that unkeyed and single-value containers share, for a container that
/// takes one value after another.
private protocol ValueSink {
    func put(_ value: JSONWriter.Value)
}

extension ValueSink {
    mutating func encodeNil() { put(.null) }
    mutating func encode(_ value: Bool) { put(.bool(value)) }
    mutating func encode(_ value: String) { put(.string(value)) }
    mutating func encode(_ value: Double) { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Float) { put(JSONWriter.number(Double(value))) }
    mutating func encode(_ value: Int) { put(.number(String(value))) }
    mutating func encode(_ value: Int8) { put(.number(String(value))) }
    mutating func encode(_ value: Int16) { put(.number(String(value))) }
    mutating func encode(_ value: Int32) { put(.number(String(value))) }
    mutating func encode(_ value: Int64) { put(.number(String(value))) }
    mutating func encode(_ value: UInt) { put(.number(String(value))) }
    mutating func encode(_ value: UInt8) { put(.number(String(value))) }
    mutating func encode(_ value: UInt16) { put(.number(String(value))) }
    mutating func encode(_ value: UInt32) { put(.number(String(value))) }
    mutating func encode(_ value: UInt64) { put(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) { put(JSONWriter.tree(value)) }
}
