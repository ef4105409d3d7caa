/// Text compared loosely: lower case, punctuation and runs of white space as single spaces.
/// Works on Unicode scalars, which is many times faster than on Characters.
func normalized(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if scalar.isASCII {
                out.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                out.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        } else if !properties.isDiacritic && properties.generalCategory != .nonspacingMark {
            pendingSpace = true
        }
    }
    return String(out)
}

extension StringProtocol {
    /// Without leading and trailing white space and line breaks; native, with no trip through NSString.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
