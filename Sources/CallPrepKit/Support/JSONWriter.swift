import Foundation

/// Pretty JSON with sorted keys, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, from the same `Codable`
/// conformances, in a fraction of the time: encoding scorecards was a tenth of `score`'s time
/// (BENCHMARKS.md), and about half that once written as below. Tests hold it to Foundation's
/// output (JSONWriterTests, LongRunTests).
///
/// No tree of values is built: each value is written as bytes, at its depth, into one buffer as
/// its `encode(to:)` runs. An object's members are written in the order they come, each after
/// its key; when the object's `encode(to:)` returns, the keys are sorted and the members copied
/// in that order to the end of the buffer, and the object's bytes moved back to where it began.
enum JSONWriter {
    /// `value` at `depth` levels of indentation (its first line unindented).
    static func write(_ value: some Encodable, depth: Int = 0) -> String {
        let output = spares.take() ?? JSONOutput()
        defer { spares.give(output) }
        output.encode(value, depth: depth)
        return output.string
    }

    /// Outputs written before, kept with their buffer and encoders: `score` writes thousands of
    /// scorecards, from several threads.
    private static let spares = Spares()

    private final class Spares: @unchecked Sendable {
        private let lock = NSLock()
        private var outputs: [JSONOutput] = []

        func take() -> JSONOutput? { lock.withLock { outputs.popLast() } }

        /// Up to eight, and none whose buffer grew past a megabyte for one big value.
        func give(_ output: JSONOutput) {
            output.count = 0
            let kept = output.capacity <= 1 << 20 && lock.withLock {
                guard outputs.count < 8 else { return false }
                outputs.append(output)
                return true
            }
            if !kept { output.releaseEncoders() }
        }
    }
}

/// The bytes written so far, in one buffer that grows, and the encoders lent to values being
/// encoded. Raw memory rather than `[UInt8]`: members are copied within the buffer, which an
/// array would copy whole (a slice of it holds it), and no bounds are checked twice.
fileprivate final class JSONOutput {
    // Exclusivity unchecked: nothing here is accessed from two places at once, and the checks
    // at run time (every access to a class's property) showed in profiles.
    @exclusivity(unchecked) private(set) var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    @exclusivity(unchecked) private(set) var capacity = 4096
    @exclusivity(unchecked) var count = 0
    /// Encoders for values encoded one inside another, reused: a value's encoder is done with
    /// when its `encode(to:)` returns, and those of the values in it before that.
    @exclusivity(unchecked) private var encoders: [JSONByteEncoder] = []
    @exclusivity(unchecked) private var encodersInUse = 0

    deinit { base.deallocate() }
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The reused encoders hold the output: let go of them, or neither is ever freed.
    func releaseEncoders() { encoders.removeAll() }

    /// Room for `extra` more bytes; `base` may move.
    @inline(__always) func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }
    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ text: StaticString) { append(text.utf8Start, text.utf8CodeUnitCount) }
    /// `length` bytes from `source`, which must not lie in the buffer (it may move).
    func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        (base + count).initialize(from: source, count: length)
        count += length
    }
    /// Bytes already in the buffer, copied to its end (room made first, so they stay put).
    func appendCopy(from start: Int, to end: Int) {
        reserve(end - start)
        append(base + start, end - start)
    }
    /// Two spaces a level.
    func indent(_ level: Int) {
        reserve(2 * level)
        (base + count).initialize(repeating: 0x20, count: 2 * level)
        count += 2 * level
    }
    /// Text that needs no escape: numbers, and the keys' bytes.
    func appendPlain(_ text: String) {
        var text = text
        text.withUTF8 { if let start = $0.baseAddress { append(start, $0.count) } }
    }

    /// As Foundation writes numbers: whole numbers below 2^53 without a fraction, others as Swift
    /// prints them ("0.5", "1e+20").
    func appendNumber(_ value: Double) {
        // JSON has no NaN or infinity; no input reaches them, and a bug must not write invalid JSON.
        guard value.isFinite else { return append("null") }
        let whole = value.rounded() == value && abs(value) < 9_007_199_254_740_992
        appendPlain(whole ? String(Int64(value)) : value.description)
    }
    func appendString(_ text: String) {
        var text = text
        // Native strings are contiguous UTF-8 already; others are made so.
        text.withUTF8 { bytes in
            reserve(6 * bytes.count + 2)
            if let start = bytes.baseAddress { appendEscaped(start, bytes.count) } else { append("\"\"") }
        }
    }
    /// A key, from its bytes earlier in the buffer.
    func appendString(from start: Int, to end: Int) {
        reserve(6 * (end - start) + 2)
        appendEscaped(base + start, end - start)
    }

    /// `length` bytes of UTF-8 as a JSON string; the caller has made room for the worst case
    /// (every byte six, and the quotes), so `source` may lie in the buffer.
    private func appendEscaped(_ source: UnsafePointer<UInt8>, _ length: Int) {
        let hex = ("0123456789abcdef" as StaticString).utf8Start
        var out = base + count
        func put(_ bytes: UInt8...) { for byte in bytes { out.pointee = byte; out += 1 } }
        put(UInt8(ascii: "\""))
        var index = 0
        while index < length {
            // Most text needs no escape: the run up to the next byte that might is copied whole,
            // found eight bytes at a time.
            let run = index
            while index + 8 <= length, !Self.mightNeedEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            while index < length {
                let byte = source[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 { break }
                index += 1
            }
            out.initialize(from: source + run, count: index - run)
            out += index - run
            guard index < length else { break }
            let byte = source[index]
            index += 1
            switch byte {
            // DEL and the C1 controls (U+0080 to U+009F, 0xC2 then 0x80 to 0x9F) are escaped as well,
            // beyond what JSON requires, so that no control reaches a terminal that shows the JSON.
            case 0xC2 where index < length && (0x80...0x9F).contains(source[index]):
                put(0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(source[index] >> 4)], hex[Int(source[index] & 0x0F)])
                index += 1
            case 0xC2: put(0xC2)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(0x5C, byte)
            case 0x08: put(0x5C, UInt8(ascii: "b"))
            case 0x09: put(0x5C, UInt8(ascii: "t"))
            case 0x0A: put(0x5C, UInt8(ascii: "n"))
            case 0x0C: put(0x5C, UInt8(ascii: "f"))
            case 0x0D: put(0x5C, UInt8(ascii: "r"))
            default: put(0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)])
            }
        }
        put(UInt8(ascii: "\""))
        count = out - base
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash, DEL or 0xC2 (which starts
    /// a C1 control): the bit tricks of "Bit Twiddling Hacks" (hasless, haszero), exact for "any".
    @inline(__always) private static func mightNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let control = (word &- 0x20 &* ones) & ~word & highs
        return control | hasZeroByte(word ^ (0x22 &* ones)) | hasZeroByte(word ^ (0x5C &* ones))
            | hasZeroByte(word ^ (0x7F &* ones)) | hasZeroByte(word ^ (0xC2 &* ones)) != 0
    }

    /// `value` as JSON at `depth`, at the end of the buffer. Everything written while its
    /// `encode(to:)` runs is its own, so once it is written it takes the place of all that.
    func encode<T: Encodable>(_ value: T, depth: Int) {
        // The common leaves, without an encoder (a comparison of types, not a dynamic cast).
        if T.self == String.self { return appendString(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return appendPlain(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Double.self { return appendNumber(unsafeBitCast(value, to: Double.self)) }
        if T.self == Bool.self { return append(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        let mark = count
        if encodersInUse == encoders.count { encoders.append(JSONByteEncoder(output: self)) }
        let encoder = encoders[encodersInUse]
        encodersInUse += 1
        encoder.depth = depth
        // Nothing in this encoder throws; a value's own encode(to:) could, and would leave what
        // it wrote before.
        try? value.encode(to: encoder)
        let (start, end) = encoder.finish()
        encoder.reset()
        encodersInUse -= 1
        if start != mark { (base + mark).update(from: base + start, count: end - start) }
        count = mark + end - start
    }
    /// Whether the key of `a` sorts before that of `b`, by UTF-8 bytes.
    func keyPrecedes(_ a: JSONByteEncoder.Entry, _ b: JSONByteEncoder.Entry) -> Bool {
        let lengthA = a.keyEnd - a.keyStart, lengthB = b.keyEnd - b.keyStart
        for offset in 0..<min(lengthA, lengthB) where base[a.keyStart + offset] != base[b.keyStart + offset] {
            return base[a.keyStart + offset] < base[b.keyStart + offset]
        }
        return lengthA < lengthB
    }
}

/// Writes a value's `encode(to:)` into a `JSONOutput`: the members of an object or the elements
/// of an array as ranges of bytes, or a single value.
fileprivate final class JSONByteEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A member's key (its bytes, unescaped) and value, or an element's value, in the output.
    /// A value not yet written, from a nested container or super encoder, has `start` below
    /// zero: it is `later[-1 - start]`.
    struct Entry { var keyStart = 0, keyEnd = 0, start: Int, end = 0 }

    let output: JSONOutput
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) private var isObject = false, isArray = false
    @exclusivity(unchecked) fileprivate var members: [Entry] = [], elements: [Entry] = []
    @exclusivity(unchecked) fileprivate var single: (start: Int, end: Int)?
    /// Encoders of nested containers and super encoders: written when this one is finished,
    /// as they may be written to in any order until then.
    @exclusivity(unchecked) private var later: [JSONByteEncoder] = []

    init(output: JSONOutput) { self.output = output }

    func reset() {
        (isObject, isArray, single) = (false, false, nil)
        members.removeAll(keepingCapacity: true)
        elements.removeAll(keepingCapacity: true)
        later.removeAll(keepingCapacity: true)
    }

    /// An encoder for a value written later, a level deeper: the value to put in `start`.
    func encodeLater() -> (encoder: JSONByteEncoder, start: Int) {
        let encoder = JSONByteEncoder(output: output)
        encoder.depth = depth + 1
        later.append(encoder)
        return (encoder, -later.count)
    }

    /// Writes the value at the end of the output, and says where it is (when it is a single
    /// value, where that already is).
    func finish() -> (start: Int, end: Int) {
        if isObject { return finish(&members, open: "{\n", close: UInt8(ascii: "}"), keyed: true) }
        if isArray { return finish(&elements, open: "[\n", close: UInt8(ascii: "]"), keyed: false) }
        if let single { return single }
        // A value that opened no container encodes as an empty object, as in Foundation.
        return finish(&members, open: "{\n", close: UInt8(ascii: "}"), keyed: true)
    }

    private func finish(_ entries: inout [Entry], open: StaticString, close: UInt8, keyed: Bool) -> (start: Int, end: Int) {
        for index in entries.indices where entries[index].start < 0 {
            (entries[index].start, entries[index].end) = later[-1 - entries[index].start].finish()
        }
        let output = self.output
        // Insertion sort: a dozen keys or so, often near their order; and stable, as before.
        if keyed {
            entries.withUnsafeMutableBufferPointer { entries in
                for index in entries.indices.dropFirst() {
                    let entry = entries[index]
                    var slot = index
                    while slot > 0, output.keyPrecedes(entry, entries[slot - 1]) {
                        entries[slot] = entries[slot - 1]
                        slot -= 1
                    }
                    entries[slot] = entry
                }
            }
        }
        let start = output.count
        output.append(open)
        for (index, entry) in entries.enumerated() {
            if index > 0 { output.append(",\n") }
            output.indent(depth + 1)
            if keyed {
                output.appendString(from: entry.keyStart, to: entry.keyEnd)
                output.append(" : ")
            }
            output.appendCopy(from: entry.start, to: entry.end)
        }
        output.append(0x0A)
        output.indent(depth)
        output.append(close)
        return (start, output.count)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        isObject = true
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        isArray = true
        return ValueContainer(encoder: self, single: false)
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { ValueContainer(encoder: self, single: true) }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONByteEncoder
        var codingPath: [any CodingKey] { [] }

        /// The key's bytes, then what `write` writes.
        @inline(__always) func add(_ name: String, _ write: (JSONOutput) -> Void) {
            let output = encoder.output
            let keyStart = output.count
            output.appendPlain(name)
            let keyEnd = output.count
            write(output)
            encoder.members.append(Entry(keyStart: keyStart, keyEnd: keyEnd, start: keyEnd, end: output.count))
        }

        /// The key's bytes, and an encoder for its value, written later.
        func addLater(_ name: String) -> JSONByteEncoder {
            let keyStart = encoder.output.count
            encoder.output.appendPlain(name)
            let (nested, start) = encoder.encodeLater()
            encoder.members.append(Entry(keyStart: keyStart, keyEnd: encoder.output.count, start: start))
            return nested
        }

        mutating func encodeNil(forKey key: Key) { add(key.stringValue) { $0.append("null") } }
        mutating func encode(_ value: Bool, forKey key: Key) { add(key.stringValue) { $0.append(value ? "true" : "false") } }
        mutating func encode(_ value: String, forKey key: Key) { add(key.stringValue) { $0.appendString(value) } }
        mutating func encode(_ value: Double, forKey key: Key) { add(key.stringValue) { $0.appendNumber(value) } }
        mutating func encode(_ value: Float, forKey key: Key) { add(key.stringValue) { $0.appendNumber(Double(value)) } }
        /// Int, Int8 to Int64, UInt and UInt8 to UInt64.
        mutating func encode(_ value: some FixedWidthInteger & Encodable, forKey key: Key) {
            add(key.stringValue) { $0.appendPlain(String(value)) }
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            let depth = encoder.depth + 1
            add(key.stringValue) { $0.encode(value, depth: depth) }
        }
        // The protocol's own looks up the metadata of the optional type each time.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
            if let value { encode(value, forKey: key) }
        }
        mutating func nestedContainer<K: CodingKey>(keyedBy type: K.Type, forKey key: Key) -> KeyedEncodingContainer<K> {
            superEncoder(forKey: key).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            superEncoder(forKey: key).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { addLater("super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { addLater(key.stringValue) }
    }

    /// An unkeyed container, or a single-value one (`single`): they take the same values.
    private struct ValueContainer: UnkeyedEncodingContainer, SingleValueEncodingContainer {
        let encoder: JSONByteEncoder
        let single: Bool
        var codingPath: [any CodingKey] { [] }
        var count: Int { encoder.elements.count }

        /// What `write` writes at the end of the output: the next element, or the value (a value
        /// encoded twice is the second: the first stays in the buffer, unused).
        @inline(__always) func put(_ write: (JSONOutput) -> Void) {
            let output = encoder.output
            let start = output.count
            write(output)
            if single { encoder.single = (start, output.count) } else { encoder.elements.append(Entry(start: start, end: output.count)) }
        }

        mutating func encodeNil() { put { $0.append("null") } }
        mutating func encode(_ value: Bool) { put { $0.append(value ? "true" : "false") } }
        mutating func encode(_ value: String) { put { $0.appendString(value) } }
        mutating func encode(_ value: Double) { put { $0.appendNumber(value) } }
        mutating func encode(_ value: Float) { put { $0.appendNumber(Double(value)) } }
        /// Int, Int8 to Int64, UInt and UInt8 to UInt64.
        mutating func encode(_ value: some FixedWidthInteger & Encodable) { put { $0.appendPlain(String(value)) } }
        mutating func encode<T: Encodable>(_ value: T) {
            let depth = single ? encoder.depth : encoder.depth + 1
            put { $0.encode(value, depth: depth) }
        }

        mutating func nestedContainer<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
            superEncoder().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { superEncoder().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder {
            let (nested, start) = encoder.encodeLater()
            encoder.elements.append(Entry(start: start))
            return nested
        }
    }
}
