import Foundation

/// Pretty JSON with sorted keys, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, from the same `Codable`
/// conformances, in a fraction of the time: encoding scorecards was a tenth of `score`'s time
/// (BENCHMARKS.md). A test holds it to Foundation's output.
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

        func take() -> JSONOutput? {
            lock.lock()
            defer { lock.unlock() }
            return outputs.popLast()
        }

        func give(_ output: JSONOutput) {
            // A buffer grown large for one big value is not kept.
            guard output.reset() else { return }
            lock.lock()
            defer { lock.unlock() }
            if outputs.count < 8 { outputs.append(output) } else { output.releaseEncoders() }
        }
    }
}

/// The bytes written so far, in one buffer that grows, and the encoders lent to values being
/// encoded. Raw memory rather than `[UInt8]`: members are copied within the buffer, which an
/// array would copy whole (a slice of it holds it), and no bounds are checked twice.
fileprivate final class JSONOutput {
    // Exclusivity unchecked: nothing here is accessed from two places at once, and the checks
    // at run time (every access to a class's property) showed in profiles.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) var count = 0
    /// Encoders for values encoded one inside another, reused: a value's encoder is done with
    /// when its `encode(to:)` returns, and those of the values in it before that.
    @exclusivity(unchecked) private var encoders: [JSONByteEncoder] = []
    @exclusivity(unchecked) private var encodersInUse = 0

    init() {
        capacity = 4096
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The reused encoders hold the output: let go of them, or neither is ever freed.
    func releaseEncoders() { encoders.removeAll() }

    /// Empties the output for another value; false, and lets go of its encoders, when its
    /// buffer grew too large to keep.
    func reset() -> Bool {
        count = 0
        guard capacity <= 1 << 20 else {
            releaseEncoders()
            return false
        }
        return true
    }

    /// Room for `extra` more bytes; `base` may move.
    @inline(__always) func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ text: StaticString) {
        reserve(text.utf8CodeUnitCount)
        (base + count).initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
        count += text.utf8CodeUnitCount
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    /// Bytes already in the buffer, copied to its end.
    func appendCopy(from start: Int, to end: Int) {
        reserve(end - start)
        (base + count).initialize(from: base + start, count: end - start)
        count += end - start
    }

    /// Two spaces a level.
    func indent(_ level: Int) {
        reserve(2 * level)
        (base + count).initialize(repeating: 0x20, count: 2 * level)
        count += 2 * level
    }

    func appendInteger(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendInteger(value.magnitude)
    }

    func appendInteger(_ value: UInt64) {
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        reserve(digits)
        var position = base + count + digits
        rest = value
        repeat {
            position -= 1
            position.pointee = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        count += digits
    }

    /// As Foundation writes numbers: whole numbers below 2^53 without a fraction, others as Swift
    /// prints them ("0.5", "1e+20").
    func appendNumber(_ value: Double) {
        // JSON has no NaN or infinity; no input reaches them, and a bug must not write invalid JSON.
        guard value.isFinite else { return append("null") }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return appendInteger(Int64(value)) }
        var text = value.description
        text.withUTF8 { append($0) }
    }

    func appendString(_ text: String) {
        var text = text
        // Native strings are contiguous UTF-8 already; others are made so.
        text.withUTF8 { bytes in
            reserve(6 * bytes.count + 2)
            guard let start = bytes.baseAddress else { return append("\"\"") }
            appendEscaped(start, bytes.count)
        }
    }

    /// A key, from its bytes earlier in the buffer.
    func appendString(from start: Int, to end: Int) {
        reserve(6 * (end - start) + 2)
        appendEscaped(base + start, end - start)
    }

    /// `count` bytes of UTF-8 as a JSON string; the caller has reserved room for the worst case
    /// (every byte six, and the quotes), so `source` may lie in the buffer.
    private func appendEscaped(_ source: UnsafePointer<UInt8>, _ length: Int) {
        let hex: StaticString = "0123456789abcdef"
        let digits = hex.utf8Start
        var out = base + count
        out.pointee = UInt8(ascii: "\""); out += 1
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
            func write(_ escape: StaticString) {
                out.initialize(from: escape.utf8Start, count: escape.utf8CodeUnitCount)
                out += escape.utf8CodeUnitCount
            }
            func writeUnicode(_ byte: UInt8) {
                write("\\u00")
                out[0] = digits[Int(byte >> 4)]
                out[1] = digits[Int(byte & 0x0F)]
                out += 2
            }
            switch byte {
            // DEL and the C1 controls (U+0080 to U+009F, 0xC2 then 0x80 to 0x9F) are escaped as well,
            // beyond what JSON requires, so that no control reaches a terminal that shows the JSON.
            case 0xC2:
                if index < length, (0x80...0x9F).contains(source[index]) {
                    writeUnicode(source[index])
                    index += 1
                } else {
                    out.pointee = 0xC2; out += 1
                }
            case 0x7F: write("\\u007f")
            case UInt8(ascii: "\""): write("\\\"")
            case UInt8(ascii: "\\"): write("\\\\")
            case 0x08: write("\\b")
            case 0x0C: write("\\f")
            case 0x0A: write("\\n")
            case 0x0D: write("\\r")
            case 0x09: write("\\t")
            default: writeUnicode(byte)
            }
        }
        out.pointee = UInt8(ascii: "\""); out += 1
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
        if T.self == Int.self { return appendInteger(Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Double.self { return appendNumber(unsafeBitCast(value, to: Double.self)) }
        if T.self == Bool.self { return append(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        // Lists of text (the facts under a verdict have six), written in place: in order, so
        // nothing to sort or copy.
        if T.self == [String].self { return appendList(unsafeBitCast(value, to: [String].self), depth: depth) }
        let mark = count
        if encodersInUse == encoders.count { encoders.append(JSONByteEncoder(output: self, depth: depth)) }
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

    /// As an unkeyed container writes it.
    private func appendList(_ list: [String], depth: Int) {
        append("[\n")
        for (index, text) in list.enumerated() {
            if index > 0 { append(",\n") }
            indent(depth + 1)
            appendString(text)
        }
        append(0x0A)
        indent(depth)
        append(UInt8(ascii: "]"))
    }

    /// Whether the key of `a` sorts before that of `b`, by UTF-8 bytes.
    func keyPrecedes(_ a: JSONByteEncoder.Entry, _ b: JSONByteEncoder.Entry) -> Bool {
        let lengthA = a.keyEnd - a.keyStart, lengthB = b.keyEnd - b.keyStart
        for offset in 0..<min(lengthA, lengthB) {
            let byteA = base[a.keyStart + offset], byteB = base[b.keyStart + offset]
            if byteA != byteB { return byteA < byteB }
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
    struct Entry {
        var keyStart = 0
        var keyEnd = 0
        var start: Int
        var end = 0
    }

    let output: JSONOutput
    @exclusivity(unchecked) var depth: Int
    @exclusivity(unchecked) private var isObject = false
    @exclusivity(unchecked) private var isArray = false
    @exclusivity(unchecked) fileprivate var members: [Entry] = []
    @exclusivity(unchecked) fileprivate var elements: [Entry] = []
    @exclusivity(unchecked) fileprivate var single: (start: Int, end: Int)?
    /// Encoders of nested containers and super encoders: written when this one is finished,
    /// as they may be written to in any order until then.
    @exclusivity(unchecked) private var later: [JSONByteEncoder] = []

    init(output: JSONOutput, depth: Int) {
        self.output = output
        self.depth = depth
    }

    func reset() {
        isObject = false
        isArray = false
        members.removeAll(keepingCapacity: true)
        elements.removeAll(keepingCapacity: true)
        single = nil
        later.removeAll(keepingCapacity: true)
    }

    /// An encoder for a value written later, `depth` levels deep: the index to put in `start`.
    func encodeLater(depth: Int) -> (encoder: JSONByteEncoder, start: Int) {
        let encoder = JSONByteEncoder(output: output, depth: depth)
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
        let start = output.count
        output.append("{\n\n")
        output.indent(depth)
        output.append(UInt8(ascii: "}"))
        return (start, output.count)
    }

    private func finish(_ entries: inout [Entry], open: StaticString, close: UInt8, keyed: Bool) -> (start: Int, end: Int) {
        for index in entries.indices where entries[index].start < 0 {
            (entries[index].start, entries[index].end) = later[-1 - entries[index].start].finish()
        }
        let output = self.output
        if keyed {
            // Insertion sort: a dozen keys or so, often near their order; and stable, as before.
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
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONByteEncoder
        var codingPath: [any CodingKey] { [] }

        /// The key's bytes, then what `write` writes.
        @inline(__always) func add(_ key: Key, _ write: (JSONOutput) -> Void) {
            let output = encoder.output
            let keyStart = output.count
            var name = key.stringValue
            name.withUTF8 { output.append($0) }
            let keyEnd = output.count
            write(output)
            encoder.members.append(Entry(keyStart: keyStart, keyEnd: keyEnd, start: keyEnd, end: output.count))
        }

        mutating func encodeNil(forKey key: Key) { add(key) { $0.append("null") } }
        mutating func encode(_ value: Bool, forKey key: Key) { add(key) { $0.append(value ? "true" : "false") } }
        mutating func encode(_ value: String, forKey key: Key) { add(key) { $0.appendString(value) } }
        mutating func encode(_ value: Double, forKey key: Key) { add(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: Float, forKey key: Key) { add(key) { $0.appendNumber(Double(value)) } }
        mutating func encode(_ value: Int, forKey key: Key) { add(key) { $0.appendInteger(Int64(value)) } }
        mutating func encode(_ value: Int8, forKey key: Key) { add(key) { $0.appendInteger(Int64(value)) } }
        mutating func encode(_ value: Int16, forKey key: Key) { add(key) { $0.appendInteger(Int64(value)) } }
        mutating func encode(_ value: Int32, forKey key: Key) { add(key) { $0.appendInteger(Int64(value)) } }
        mutating func encode(_ value: Int64, forKey key: Key) { add(key) { $0.appendInteger(value) } }
        mutating func encode(_ value: UInt, forKey key: Key) { add(key) { $0.appendInteger(UInt64(value)) } }
        mutating func encode(_ value: UInt8, forKey key: Key) { add(key) { $0.appendInteger(UInt64(value)) } }
        mutating func encode(_ value: UInt16, forKey key: Key) { add(key) { $0.appendInteger(UInt64(value)) } }
        mutating func encode(_ value: UInt32, forKey key: Key) { add(key) { $0.appendInteger(UInt64(value)) } }
        mutating func encode(_ value: UInt64, forKey key: Key) { add(key) { $0.appendInteger(value) } }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            let depth = encoder.depth + 1
            add(key) { $0.encode(value, depth: depth) }
        }

        // The protocol's own looks up the metadata of the optional type each time.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
            if let value { encode(value, forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            superEncoder(forKey: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            superEncoder(forKey: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { later(name: "super") }

        mutating func superEncoder(forKey key: Key) -> any Encoder { later(name: key.stringValue) }

        private func later(name: String) -> JSONByteEncoder {
            let output = encoder.output
            let keyStart = output.count
            var name = name
            name.withUTF8 { output.append($0) }
            let (nested, start) = encoder.encodeLater(depth: encoder.depth + 1)
            encoder.members.append(Entry(keyStart: keyStart, keyEnd: output.count, start: start))
            return nested
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
        let encoder: JSONByteEncoder
        var codingPath: [any CodingKey] { [] }
        var count: Int { encoder.elements.count }
        var depth: Int { encoder.depth + 1 }

        @inline(__always) func put(_ write: (JSONOutput) -> Void) {
            let output = encoder.output
            let start = output.count
            write(output)
            encoder.elements.append(Entry(start: start, end: output.count))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            superEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { superEncoder().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder {
            let (nested, start) = encoder.encodeLater(depth: depth)
            encoder.elements.append(Entry(start: start))
            return nested
        }
    }

    private struct SingleContainer: SingleValueEncodingContainer, ValueSink {
        let encoder: JSONByteEncoder
        var codingPath: [any CodingKey] { [] }
        var depth: Int { encoder.depth }

        /// A value encoded twice is the second: the first stays in the buffer, unused.
        @inline(__always) func put(_ write: (JSONOutput) -> Void) {
            let output = encoder.output
            let start = output.count
            write(output)
            encoder.single = (start, output.count)
        }
    }
}

/// The `encode` methods that unkeyed and single-value containers share, for a container that
/// takes one value after another, each `depth` levels deep.
private protocol ValueSink {
    var depth: Int { get }
    func put(_ write: (JSONOutput) -> Void)
}

extension ValueSink {
    mutating func encodeNil() { put { $0.append("null") } }
    mutating func encode(_ value: Bool) { put { $0.append(value ? "true" : "false") } }
    mutating func encode(_ value: String) { put { $0.appendString(value) } }
    mutating func encode(_ value: Double) { put { $0.appendNumber(value) } }
    mutating func encode(_ value: Float) { put { $0.appendNumber(Double(value)) } }
    mutating func encode(_ value: Int) { put { $0.appendInteger(Int64(value)) } }
    mutating func encode(_ value: Int8) { put { $0.appendInteger(Int64(value)) } }
    mutating func encode(_ value: Int16) { put { $0.appendInteger(Int64(value)) } }
    mutating func encode(_ value: Int32) { put { $0.appendInteger(Int64(value)) } }
    mutating func encode(_ value: Int64) { put { $0.appendInteger(value) } }
    mutating func encode(_ value: UInt) { put { $0.appendInteger(UInt64(value)) } }
    mutating func encode(_ value: UInt8) { put { $0.appendInteger(UInt64(value)) } }
    mutating func encode(_ value: UInt16) { put { $0.appendInteger(UInt64(value)) } }
    mutating func encode(_ value: UInt32) { put { $0.appendInteger(UInt64(value)) } }
    mutating func encode(_ value: UInt64) { put { $0.appendInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) {
        let depth = self.depth
        put { $0.encode(value, depth: depth) }
    }
}
