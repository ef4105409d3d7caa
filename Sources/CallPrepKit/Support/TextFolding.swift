/// Text compared loosely: lower case, punctuation and runs of white space as single spaces.
/// ASCII is folded byte by byte; only other scalars look up their Unicode properties, which is the
/// slow part (DESIGN section 8: parsing must keep pace with cmark-gfm).
func normalized(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    func append(_ scalar: Unicode.Scalar) {
        if pendingSpace, !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        if scalar.isASCII {
            out.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { out.append($0) }
        }
    }
    for scalar in text.unicodeScalars {
        if scalar.isASCII {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: append(scalar)
            case 0x41...0x5A: append(Unicode.Scalar(UInt8(scalar.value + 32)))
            case 0x5E, 0x60: break  // ^ and ` are diacritics: ignored, as below
            default: pendingSpace = true
            }
            continue
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            for lower in properties.lowercaseMapping.unicodeScalars { append(lower) }
        } else if !properties.isDiacritic && properties.generalCategory != .nonspacingMark {
            pendingSpace = true
        }
    }
    return String(decoding: out, as: UTF8.self)
}

extension String {
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
        return String(scalars[first...last])
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
