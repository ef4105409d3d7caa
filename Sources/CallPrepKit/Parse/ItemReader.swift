import Foundation

/// Reads a list item as a milestone or practice of the process.
struct ItemReader {
    let index: ItemIndex

    enum Reading {
        /// Not an item of the form: ordinary text.
        case notAnItem
        /// A task item whose id no item of the process has (in an item section).
        case unknownID(String, at: MarkdownNode)
        case item(DebriefRecord.Item)
    }

    func read(_ item: MarkdownNode, inItemSection: Bool) -> Reading {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph else { return .notAnItem }
        let inlines = paragraph.children
        // The id may have been wrapped onto a later line by a reformatter: look in the whole paragraph.
        let idIndex = inlines.firstIndex { $0.kind == .code && index.itemsByID[$0.literal ?? ""] != nil }
        let firstBreak = inlines.firstIndex { $0.kind == .softBreak || $0.kind == .lineBreak } ?? inlines.endIndex
        let titleEnd = idIndex ?? firstBreak
        var title = inlineText(Array(inlines[..<titleEnd]))

        var markedNotApplicable = false
        if item.kind != .taskItem {
            // `- [-] Title `id`` marks an item not applicable.
            let lead = title.lowercased()
            guard lead.hasPrefix("[-]") || lead.hasPrefix("[n/a]"), let close = title.firstIndex(of: "]") else {
                return .notAnItem
            }
            markedNotApplicable = true
            title = String(title[title.index(after: close)...])
        }
        var id = idIndex.flatMap { inlines[$0].literal }
        if id == nil {
            // Foundation's replacing costs more than the rest of the item: only when it is there.
            id = index.idsByTitle[normalized(title.includes("(optional)") ? title.replacingOccurrences(of: "(optional)", with: "") : title)]
        }
        guard let id, let known = index.itemsByID[id] else {
            let lastCode = inlines[..<firstBreak].last { $0.kind == .code }
            if item.kind == .taskItem, let code = lastCode, let literal = code.literal, isValidID(literal), inItemSection {
                return .unknownID(literal, at: code)
            }
            return .notAnItem
        }

        let afterTitle = idIndex.map { $0 + 1 } ?? firstBreak
        var pieces = [inlineText(Array(inlines[afterTitle...]))]
        pieces += item.children.dropFirst().map(\.blockText)
        var evidence = Self.stripEvidenceLabel(pieces.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n"))
        var state: DebriefRecord.State = item.isChecked == true ? .checked : .unchecked
        if let reason = Self.notApplicableReason(evidence) {
            state = .notApplicable
            evidence = reason
        } else if markedNotApplicable {
            state = .notApplicable
        }
        return .item(.init(id: id, kind: known.kind, stage: known.stage, state: state, evidence: evidence,
                           line: item.start.line))
    }

    /// "Evidence (hint): what they said" as "what they said".
    static func stripEvidenceLabel(_ text: String) -> String {
        guard text.hasLowercasePrefix("evidence") else { return text }
        // By UTF-8 bytes: every mark looked for is ASCII, and a scalar is a byte that does not
        // continue another (walking the scalars cost many times more).
        let bytes = Array(text.utf8)
        func rest(after colon: Int) -> String { String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmed }
        var index = 8
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        // "Evidence (hint, however long, colons and all): ...": the colon after the bracket that closes
        // the hint, within the first 600 scalars.
        if index < bytes.count, bytes[index] == UInt8(ascii: "(") {
            var depth = 0, scalars = 0, position = index
            while position < bytes.count, scalars < 600 {
                let byte = bytes[position]
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") { depth -= 1 }
                if depth == 0 {
                    var after = position + 1
                    while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
                    if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return rest(after: after) }
                    break
                }
                position += 1
            }
        }
        // A colon among the first 160 scalars.
        var scalars = 0
        for (position, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if scalars > 160 { break }
            if byte == UInt8(ascii: ":") { return rest(after: position) }
        }
        return text
    }

    /// The reason after `N/A` or `not applicable`; nil when the evidence does not start with one.
    private static func notApplicableReason(_ evidence: String) -> String? {
        for marker in ["n/a", "not applicable"] where evidence.hasLowercasePrefix(marker) {
            let rest = evidence.dropFirst(marker.count)
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            let separators = CharacterSet(charactersIn: " \t\n:-–—.,;")
            return String(rest.drop { $0.unicodeScalars.allSatisfy(separators.contains) })
        }
        return nil
    }
}
