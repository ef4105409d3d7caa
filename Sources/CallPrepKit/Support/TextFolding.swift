/// Text compared loosely: lower case, punctuation and runs of white space as single spaces.
/// ASCII is folded byte by byte; only other scalars look up their Unicode properties, which is the
/// slow part (DESIGN section 8: parsing must keep pace with cmark-gfm).
func normalized(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
        var folder = Folder(capacity: bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x61...0x7A, 0x30...0x39: folder.append(byte)
                case 0x41...0x5A: folder.append(byte + 32)
                case 0x5E, 0x60: break  // ^ and ` are diacritics: ignored, as below
                default: folder.pendingSpace = true
                }
                index += 1
                continue
            }
            // A scalar of two to four bytes (the text is valid UTF-8: it is a String).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var decoder = UTF8()
            var iterator = bytes[index..<min(index + length, bytes.count)].makeIterator()
            index += length
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { continue }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                for lower in properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lower) { folder.append($0) }
                }
            } else if !properties.isDiacritic && properties.generalCategory != .nonspacingMark {
                folder.pendingSpace = true
            }
        }
        return String(decoding: folder.out, as: UTF8.self)
    }
}

/// The bytes of a `normalized` text as they are written: a space is written only between two words.
private struct Folder {
    var out: [UInt8] = []
    var pendingSpace = false

    init(capacity: Int) { out.reserveCapacity(capacity) }

    mutating func append(_ byte: UInt8) {
        if pendingSpace, !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(byte)
    }
}

extension String {
    /// Whether the text's UTF-8 holds `byte`: over its bytes in place (iterating `utf8` one byte at a
    /// time costs many times more).
    func hasByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(byte) }
    }

    /// Whether `part` occurs in this text, byte for byte: for text already `normalized`, where
    /// Foundation's `contains`, which goes through NSString and the locale, costs many times more.
    func includes(_ part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        let haystack = Array(utf8)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Whether the text starts with `prefix`, ignoring ASCII case; `prefix` is lower case ASCII.
    func hasLowercasePrefix(_ prefix: String) -> Bool {
        var text = utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = text.next(), (0x41...0x5A).contains(byte) ? byte + 32 == expected : byte == expected else {
                return false
            }
        }
        return true
    }
}

extension StringProtocol {
    /// Without leading and trailing white space and line breaks; native, with no trip through NSString.
    var trimmed: String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        // A slice of the text, copied whole (a string built from the scalars goes one by one).
        return String(Substring(scalars[first...last]))
    }
}

/// White space by Unicode's property, with the ASCII cases answered without looking it up.
private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20: true
    case 0...0x7F: false
    default: scalar.properties.isWhitespace
    }
}

/// Lower case without accents, and the letters that have no accent to remove spelled as a person
/// without them on the keyboard would: "Zoë Łukasiewicz" as "zoe lukasiewicz", "Søren" as "soren".
func accentFolded(_ text: String) -> String {
    let lower = text.lowercased()
    guard !lower.utf8.allSatisfy({ $0 < 0x80 }) else { return lower }
    var folded = ""
    for character in lower.folding(options: [.diacriticInsensitive], locale: nil) {
        if let spelled = unaccentableLetters[character] { folded += spelled } else { folded.append(character) }
    }
    return folded
}

/// Lower-case letters that diacritic folding keeps, as ASCII.
private let unaccentableLetters: [Character: String] = [
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "þ": "th", "ŧ": "t",
]

/// Lower-case ASCII letters and digits, runs of anything else as one `-`: an id for a name or an
/// account ("Nörthwind Logistics, Inc." as `northwind-logistics-inc`); `fallback` when none is left.
func slug(_ text: String, fallback: String) -> String {
    var slug = ""
    for scalar in accentFolded(text).unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            slug.unicodeScalars.append(scalar)
        } else if !slug.isEmpty, !slug.hasSuffix("-") {
            slug += "-"
        }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? fallback : slug
}
