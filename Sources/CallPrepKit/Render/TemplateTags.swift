/// The tags of a Mustache template, read before swift-mustache compiles it, for what its parser
/// and renderer do not bound: partials that include each other (the renderer recurses without
/// end) and sections nested without limit (the parser recurses once per level).
struct TemplateTags {
    /// Sections (`#`, `^`, `$`, `<`) nested deeper than this are refused; the built-in templates
    /// nest 4 deep.
    static let maxDepth = 32
    /// Delimiters longer than this are refused: swift-mustache compares them character by
    /// character at every position, and a 500-character delimiter over 200 KB took minutes.
    static let maxDelimiter = 16

    /// A partial tag: `{{> name}}`, or `{{< name}}` for a parent template.
    struct Partial: Equatable {
        let name: String
        let dynamic: Bool
        let location: SourceLocation
    }

    private(set) var partials: [Partial] = []
    /// The names the template reads (`{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`,
    /// `{{^name}}`, and the list in a transform such as `{{#first(list)}}`), each part of a dotted
    /// name on its own, where their tags stand.
    private(set) var names: [(name: String, location: SourceLocation)] = []
    /// Where sections first nest deeper than `maxDepth`, if they do.
    private(set) var tooDeep: SourceLocation?
    /// Where a delimiter longer than `maxDelimiter` is first set, if one is.
    private(set) var longDelimiter: SourceLocation?

    /// Reads the tags of `text`, following set-delimiter tags (`{{=<% %>=}}`) as Mustache does.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        var open: [UInt8] = Array("{{".utf8), close: [UInt8] = Array("}}".utf8)
        var depth = 0
        var index = 0
        var lines = LineCounter(bytes)
        while let start = Self.find(open, in: bytes, from: index) {
            var body = start + open.count
            var end: [UInt8] = close
            if open == Array("{{".utf8), body < bytes.count, bytes[body] == UInt8(ascii: "{") {
                end = Array("}}}".utf8)
                body += 1
            }
            guard let stop = Self.find(end, in: bytes, from: body) else { break }
            index = stop + end.count
            let inner = bytes[body..<stop].drop { $0 == 0x20 || $0 == 0x09 }
            guard let sigil = inner.first else { continue }
            let rest = String(decoding: inner.dropFirst(), as: UTF8.self).trimmingSpaces
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "&"):
                names += Self.names(in: rest).map { ($0, lines.location(of: start)) }
            case UInt8(ascii: "!"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "="):
                break
            default:
                names += Self.names(in: String(decoding: inner, as: UTF8.self).trimmingSpaces).map { ($0, lines.location(of: start)) }
            }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > Self.maxDepth, tooDeep == nil { tooDeep = lines.location(of: start) }
                if sigil == UInt8(ascii: "<") { partials.append(Self.partial(rest, at: lines.location(of: start))) }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ">"):
                partials.append(Self.partial(rest, at: lines.location(of: start)))
            case UInt8(ascii: "="):
                let parts = rest.hasSuffix("=") ? rest.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
                guard parts.count == 2 else { continue }
                if parts.contains(where: { $0.utf8.count > Self.maxDelimiter }) {
                    longDelimiter = lines.location(of: start)
                    return
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            default:
                break
            }
        }
    }

    /// The names in a tag's text: `a.b` gives `a` and `b`, `first(list)` gives `list`, `.` none.
    private static func names(in text: String) -> [String] {
        var text = Substring(text)
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") { text = text[text.index(after: open)..<text.index(before: text.endIndex)] }
        return text.split(separator: ".").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    private static func partial(_ text: String, at location: SourceLocation) -> Partial {
        text.hasPrefix("*") ? Partial(name: String(text.dropFirst()).trimmingSpaces, dynamic: true, location: location)
            : Partial(name: text, dynamic: false, location: location)
    }

    /// The first `needle` from `start` on, by Knuth, Morris and Pratt: linear however long and
    /// self-similar a delimiter a template sets.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
        var fallback = [0] + Array(repeating: 0, count: needle.count - 1)
        var matched = 0
        for index in needle.indices.dropFirst() {
            while matched > 0, needle[index] != needle[matched] { matched = fallback[matched - 1] }
            if needle[index] == needle[matched] { matched += 1 }
            fallback[index] = matched
        }
        matched = 0
        for index in start..<bytes.count {
            while matched > 0, bytes[index] != needle[matched] { matched = fallback[matched - 1] }
            if bytes[index] == needle[matched] { matched += 1 }
            if matched == needle.count { return index - needle.count + 1 }
        }
        return nil
    }
}

/// Line and column of byte offsets met in increasing order, each byte counted once (a template of
/// one long line with many tags must not be read again from the line's start for each).
private struct LineCounter {
    private let bytes: [UInt8]
    private var offset = 0, line = 1, column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func location(of target: Int) -> SourceLocation {
        while offset < target {
            if bytes[offset] == 0x0A {
                line += 1
                column = 1
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return SourceLocation(line: line, column: column)
    }
}

private extension String {
    var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
