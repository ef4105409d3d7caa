import Foundation
import Testing
@testable import CallPrepKit

/// `JSONWriter` writes bytes as values encode, sorts keys by their bytes, finds text that needs no
/// escape eight bytes at a time and reuses its buffers: each of these must leave the output what
/// Foundation's `JSONEncoder` writes (plus DEL and C1 escaped).
@Suite("JSON writer")
struct JSONWriterTests {
    private static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var text = String(decoding: try encoder.encode(value), as: UTF8.self)
        // Beyond Foundation, DEL and the C1 controls are escaped too (docs/limits.md).
        text = text.replacingOccurrences(of: "\u{7f}", with: "\\u007f")
        for scalar in 0x80...0x9F {
            text = text.replacingOccurrences(of: String(UnicodeScalar(UInt8(scalar))), with: String(format: "\\u%04x", scalar))
        }
        return text
    }

    @Test func everyByteThatNeedsAnEscapeIsEscapedWhereverItFallsInAWord() throws {
        // Each at every offset of 0 to 19 in ASCII text (the scan reads eight bytes at a time),
        // before and after non-ASCII text.
        let escaped: [(String, String)] = [("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"),
                                           ("\u{8}", "\\b"), ("\u{c}", "\\f"), ("\u{0}", "\\u0000"), ("\u{1f}", "\\u001f"),
                                           ("\u{7f}", "\\u007f"), ("\u{80}", "\\u0080"), ("\u{85}", "\\u0085"),
                                           ("\u{9f}", "\\u009f")]
        for (raw, written) in escaped {
            for offset in 0..<20 {
                let before = String(repeating: "a", count: offset), after = String(repeating: "b", count: 19 - offset)
                #expect(JSONWriter.write(before + raw + after) == "\"" + before + written + after + "\"")
                #expect(JSONWriter.write("é" + before + raw + "ü") == "\"é" + before + written + "ü\"")
            }
        }
        // Text that only looks like it might: U+00A0 to U+00BF also start with 0xC2, others end
        // with 0x80 to 0x9F, and slashes are not escaped.
        for text in ["\u{a0}", "x\u{bf}", "Â", "\u{2028}", "€", "😀", "a/b", String(repeating: "\u{a0}é", count: 9)] {
            #expect(JSONWriter.write(text) == "\"" + text + "\"")
        }
        #expect(JSONWriter.write("") == "\"\"")
        #expect(JSONWriter.write(String(repeating: "\u{1}", count: 9)) == "\"" + String(repeating: "\\u0001", count: 9) + "\"")
    }

    private struct Keys: Encodable {
        var values: [String: Int]
        func encode(to encoder: Encoder) throws { try values.encode(to: encoder) }
    }

    @Test func keysSortByTheirUTF8Bytes() {
        let keys = Keys(values: ["é": 1, "z": 2, "Z": 3, "\u{2028}": 4, "a\"": 5, "ab": 6, "a": 7, "e": 8, "😀": 9, "": 10])
        // "" < "Z" < "a" < "a\"" < "ab" < "e" < "z" < "é" (C3) < U+2028 (E2) < 😀 (F0).
        #expect(JSONWriter.write(keys) == """
            {
              "" : 10,
              "Z" : 3,
              "a" : 7,
              "a\\"" : 5,
              "ab" : 6,
              "e" : 8,
              "z" : 2,
              "é" : 1,
              "\u{2028}" : 4,
              "😀" : 9
            }
            """)
    }

    private struct Empty: Encodable {}

    private struct Shapes: Encodable {
        var empty = Empty()
        var list: [[String]] = [[], ["x"], []]
        var objects: [[String: [Int]]] = [[:], ["b": [], "a": [1]]]
        var nothing: Int?
        var half = 0.5
        var big = 1e20
        var whole = -3.0
        var numbers: [Int64] = [Int64.min, Int64.max, 0]
        var unsigned = UInt64.max
        var small: Int8 = -128
    }

    @Test func emptyAndNestedContainersAndNumbersAreWrittenAsFoundationWrites() throws {
        let expected = """
            {
              "big" : 1e+20,
              "empty" : {

              },
              "half" : 0.5,
              "list" : [
                [

                ],
                [
                  "x"
                ],
                [

                ]
              ],
              "numbers" : [
                -9223372036854775808,
                9223372036854775807,
                0
              ],
              "objects" : [
                {

                },
                {
                  "a" : [
                    1
                  ],
                  "b" : [

                  ]
                }
              ],
              "small" : -128,
              "unsigned" : 18446744073709551615,
              "whole" : -3
            }
            """
        #expect(JSONWriter.write(Shapes()) == expected)
        #expect(try Self.foundation(Shapes()) == expected)
        // At a depth, its first line unindented and the rest two spaces a level further in.
        #expect(JSONWriter.write(["a": ["x", "y"]], depth: 2) == "{\n      \"a\" : [\n        \"x\",\n        \"y\"\n      ]\n    }")
        #expect(JSONWriter.write(Empty(), depth: 1) == "{\n\n  }")
        #expect(JSONWriter.write([String]()) == "[\n\n]")
    }

    /// Nested containers written to after the members that follow them, a super encoder, a
    /// value written twice and one that writes nothing: written when the value is done.
    private struct Late: Encodable {
        enum Key: String, CodingKey { case first, second, third, zeta, alpha }
        enum Inner: String, CodingKey { case y, x }
        struct Nothing: Encodable { func encode(to encoder: Encoder) throws {} }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var nested = container.nestedContainer(keyedBy: Inner.self, forKey: .zeta)
            var list = container.nestedUnkeyedContainer(forKey: .first)
            try container.encode("two", forKey: .second)
            try nested.encode(1, forKey: .y)
            try list.encode("a")
            var inner = list.nestedUnkeyedContainer()
            try list.encode(Nothing())
            try container.encode(3, forKey: .third)
            try inner.encode(true)
            try nested.encode([1.5], forKey: .x)
            try "sup".encode(to: container.superEncoder())
            var single = container.superEncoder(forKey: .alpha).singleValueContainer()
            try single.encode("overwritten")
            try single.encode("kept")
        }
    }

    @Test func nestedContainersAndSuperEncodersAreWrittenWhenTheValueIsDone() throws {
        let expected = """
            {
              "alpha" : "kept",
              "first" : [
                "a",
                [
                  true
                ],
                {

                }
              ],
              "second" : "two",
              "super" : "sup",
              "third" : 3,
              "zeta" : {
                "x" : [
                  1.5
                ],
                "y" : 1
              }
            }
            """
        #expect(JSONWriter.write(Late()) == expected)
        // In a list, a level further in (the blank line of an empty object stays blank).
        let inList = expected.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        #expect(JSONWriter.write([Late(), Late()]) == "[\n" + inList + ",\n" + inList + "\n]")
    }

    /// A value whose encoding writes JSON itself (the writer's buffers are reused, so a write
    /// inside a write must get its own).
    private struct Inside: Encodable {
        var inner: [String: String]
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(JSONWriter.write(inner))
        }
    }

    @Test func writesInsideWritesAndOnManyThreadsAreTheirOwn() throws {
        #expect(JSONWriter.write(["outer": Inside(inner: ["k": "v"])]) == "{\n  \"outer\" : \"{\\n  \\\"k\\\" : \\\"v\\\"\\n}\"\n}")
        let value = Shapes()
        let expected = JSONWriter.write(value)
        let results = ResultBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.set(index, index % 2 == 0 ? JSONWriter.write(value) : JSONWriter.write(Late()))
        }
        let late = JSONWriter.write(Late())
        for index in 0..<64 { #expect(results.get(index) == (index % 2 == 0 ? expected : late)) }
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String]
        init(count: Int) { values = Array(repeating: "", count: count) }
        func set(_ index: Int, _ value: String) {
            lock.lock()
            defer { lock.unlock() }
            values[index] = value
        }

        func get(_ index: Int) -> String {
            lock.lock()
            defer { lock.unlock() }
            return values[index]
        }
    }

    private struct Varied: Encodable {
        enum Shade: String, Encodable { case light, dark }
        var text: String
        var texts: [String]
        var table: [String: [String]]
        var shade: Shade?
        var numbers: [Double]
        var flag: Bool
        var children: [Varied]
    }

    @Test func variedValuesAreWhatFoundationWrites() throws {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let pieces = ["a", "bc", "\"", "\\", "\n", "\u{1}", "\u{7f}", "\u{80}", "\u{9b}", "\u{a0}", "é", "😀", "/",
                      "longer plain words", "\u{2028}", " "]
        func text() -> String { (0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined() }
        func varied(_ depth: Int) -> Varied {
            Varied(text: text(), texts: (0..<next(4)).map { _ in text() },
                   table: Dictionary((0..<next(4)).map { _ in (text(), (0..<next(3)).map { _ in text() }) }) { first, _ in first },
                   shade: [nil, .light, .dark][next(3)], numbers: [0.5, 1e20, Double(next(1000)) / 4, -7],
                   flag: next(2) == 0, children: depth > 2 ? [] : (0..<next(3)).map { _ in varied(depth + 1) })
        }
        for _ in 0..<50 {
            let value = varied(0)
            #expect(JSONWriter.write(value) == (try Self.foundation(value)))
        }
    }
}
