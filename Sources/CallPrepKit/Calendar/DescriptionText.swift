import Foundation

/// An invite's DESCRIPTION as the plain text a meeting's notes hold. Google Calendar writes
/// what the organiser formatted as HTML (`<b>`, `<br>`, `<ul><li>`, `&nbsp;`, links through
/// `google.com/url?q=`) into DESCRIPTION, and frames its Meet details with lines of `-::~:~::~`;
/// RFC 5545 says DESCRIPTION is plain text, and a rep reads the notes as such.
enum DescriptionText {
    static func plain(_ text: String) -> String {
        var plain = containsHTML(text) ? fromHTML(text) : text
        plain = String(String.UnicodeScalarView(plain.unicodeScalars.filter { !isDirectionMark($0) }))
        let lines = plain.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            .filter { !isGoogleFrame($0) }
            .map { String($0.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
        // Blank lines that tags or a dropped frame left are one blank line.
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    /// The tags an HTML description is made of. Only these count as HTML: Outlook's plain text
    /// writes links as `<https://…>`, and a `<` in a sentence is text.
    static let tags: Set<String> = [
        "a", "b", "i", "u", "s", "em", "strong", "span", "font", "br", "p", "div", "ul", "ol", "li", "h1", "h2", "h3",
        "h4", "h5", "h6", "blockquote", "pre", "code", "hr", "html", "body", "table", "tbody", "thead", "tr", "td", "th",
    ]
    /// Tags that end a line before and after them.
    static let blocks: Set<String> = [
        "p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "table", "tr",
    ]

    /// One tag of `tags`: where it is, its name (lower case), whether it closes, its attributes.
    struct Tag {
        var range: Range<String.Index>
        var name: String
        var closing: Bool
        var attributes: Substring
    }

    /// The known tags of `text`, in order: `<b>`, `</li >`, `<a href="…">`, `<br/>`. A `<` that
    /// opens no known tag is text.
    static func knownTags(in text: String) -> [Tag] {
        var found: [Tag] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            let inside = text[text.index(after: open)...]
            guard let close = inside.firstIndex(where: { $0 == ">" || $0 == "<" }), inside[close] == ">" else {
                index = text.index(after: open)
                continue
            }
            var body = inside[..<close].drop { $0 == " " }
            let closing = body.first == "/"
            if closing { body = body.dropFirst().drop { $0 == " " } }
            let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let attributes = body[name.endIndex...]
            if tags.contains(name.lowercased()), attributes.first.map({ $0 == " " || $0 == "/" || $0 == "\t" }) ?? true {
                found.append(Tag(range: open..<text.index(after: close), name: name.lowercased(), closing: closing,
                                 attributes: attributes))
            }
            index = text.index(after: close)
        }
        return found
    }

    static func containsHTML(_ text: String) -> Bool {
        text.contains("<") && !knownTags(in: text).isEmpty
    }

    /// Tags to line breaks, list items to `- `, links to their text (and the address when the text
    /// is not it), entities decoded; the text's own line breaks kept (Google appends its Meet
    /// details as plain lines after the HTML).
    static func fromHTML(_ html: String) -> String {
        var out = ""
        var link: (href: String, start: String.Index)?
        func endLine() {
            if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        }
        var position = html.startIndex
        for tag in knownTags(in: html) {
            out += decodeEntities(String(html[position..<tag.range.lowerBound]))
            position = tag.range.upperBound
            switch tag.name {
            case "br":
                out += "\n"
            case "li" where !tag.closing:
                endLine()
                out += "- "
            case "a" where !tag.closing:
                link = address(in: tag.attributes).map { ($0, out.endIndex) }
            case "a":
                if let open = link {
                    let text = out[open.start...].trimmingCharacters(in: .whitespaces)
                    if text.isEmpty {
                        out += open.href
                    } else if !looksLikeAddress(text), text != open.href {
                        out += " (\(open.href))"
                    }
                }
                link = nil
            case _ where blocks.contains(tag.name):
                endLine()
            default:
                break
            }
        }
        out += decodeEntities(String(html[position...]))
        return out
    }

    /// The link of an `<a>`'s attributes, Google's redirect (`https://www.google.com/url?q=…`)
    /// unwrapped; nil for none.
    static func address(in attributes: Substring) -> String? {
        guard let key = attributes.range(of: "href", options: .caseInsensitive) else { return nil }
        var rest = attributes[key.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let value: Substring
        if let quote = rest.first, quote == "\"" || quote == "'" {
            value = rest.dropFirst().prefix { $0 != quote }
        } else {
            value = rest.prefix { $0 != " " }
        }
        let link = decodeEntities(String(value))
        guard !link.isEmpty else { return nil }
        if link.hasPrefix("https://www.google.com/url?") || link.hasPrefix("http://www.google.com/url?"),
           let target = URLComponents(string: link)?.queryItems?.first(where: { $0.name == "q" })?.value, !target.isEmpty {
            return target
        }
        return link
    }

    static func looksLikeAddress(_ text: String) -> Bool {
        text.contains("://") || text.lowercased().hasPrefix("www.") || text.lowercased().hasPrefix("mailto:")
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "euro": "€", "bull": "•",
    ]

    /// `&amp;`, `&nbsp;`, `&#39;`, `&#x2019;` as the characters they stand for; anything else as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = entities[name]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// Marks that set the direction of the text around them, which Google puts around each
    /// dial-in number (U+202A … U+202C): invisible in a calendar, `<U+202A>` in a meeting file.
    static func isDirectionMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Google's frame around its Meet details (`-::~:~::~:~:…::~:~::-`) and the line that asks not
    /// to edit what it frames: instructions to Google's editor, not the meeting's notes.
    static func isGoogleFrame(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed == "Please do not edit this section." { return true }
        return trimmed.count >= 10 && trimmed.hasPrefix("-::~") && trimmed.hasSuffix("::-")
            && trimmed.allSatisfy { $0 == "-" || $0 == ":" || $0 == "~" }
    }
}
