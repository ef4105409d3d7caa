import Foundation
import Yams

/// The keys of one YAML mapping, each with the node it came from.
struct Fields {
    /// The mapping itself, where a missing key is reported.
    let node: Node
    /// What the mapping is, for messages: "the process", "stage 'discover'".
    let what: String
    private let values: [String: Node]

    init(node: Node, what: String, values: [String: Node]) {
        self.node = node
        self.what = what
        self.values = values
    }

    subscript(key: String) -> Node? {
        guard let value = values[key], !isNull(value) else { return nil }
        return value
    }
}

/// Reads a YAML (or JSON) document into typed values, collecting one diagnostic per problem
/// instead of stopping at the first.
final class YAMLReader {
    let file: String
    /// Lines of the file before the YAML text, for YAML embedded in a larger file (front matter).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The document's root node, or nil (with a diagnostic) when the text is not one YAML document.
    func compose(_ text: String) -> Node? {
        if let overflow = AliasExpansion.firstOverflow(in: text) {
            report(DocumentProblem.aliasExpandsTooFar(alias: overflow.alias, limit: AliasExpansion.maxExpandedBytes),
                   at: SourceLocation(line: overflow.line + lineOffset, column: overflow.column))
            return nil
        }
        do {
            // The encoding given: Yams' default looks at the environment on every call. Tags are
            // not resolved: every reader takes scalars as text and reads numbers, booleans and null
            // itself, and Yams' default resolver tries a regular expression per tag on every scalar
            // (a third of loading a process file).
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            return try parser.singleRoot()
        } catch let error as YamlError {
            report(error, in: text)
        } catch {
            report(DocumentProblem.syntax("\(error)"), at: .start)
        }
        return nil
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    func report(_ problem: some LocalizedError, at node: Node) {
        report(problem, at: location(of: node))
    }

    func report(_ problem: some LocalizedError, at location: SourceLocation) {
        diagnostics.append(Diagnostic(file: file, at: location, problem))
    }

    /// The mapping's keys, checked against `allowed`; reports unknown and missing keys.
    func fields(of node: Node, what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard let mapping = node.mapping else {
            report(DocumentProblem.notAMapping(what: what), at: node)
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                report(DocumentProblem.keyNotText, at: key)
                continue
            }
            guard allowed.contains(name) else {
                report(DocumentProblem.unknownKey(name, in: what, allowed: allowed), at: key)
                continue
            }
            values[name] = value
        }
        let fields = Fields(node: node, what: what, values: values)
        for key in required {
            guard let present = values[key] else {
                report(DocumentProblem.missingKey(key, in: what), at: node)
                continue
            }
            let blank = present.scalar?.string.trimmed.isEmpty ?? false
            if isNull(present) || blank {
                report(DocumentProblem.emptyValue(key: key), at: present)
            }
        }
        return fields
    }

    /// A scalar value as text; nil when absent or not a scalar (reported).
    func text(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields[key] else { return nil }
        guard let scalar = node.scalar else {
            report(DocumentProblem.expectedText(key: key), at: node)
            return nil
        }
        let value = scalar.string.trimmed
        return value.isEmpty ? nil : value
    }

    /// The number at `key`, within `range`: anything else (text, NaN, infinity, a value out of the
    /// range) is an error at its place, naming the key.
    func number(_ fields: Fields, _ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let node = fields[key] else { return nil }
        guard let raw = node.scalar?.string else {
            report(DocumentProblem.expectedNumber(key: key, found: describe(node)), at: node)
            return nil
        }
        let cleaned = raw.trimmed.replacingOccurrences(of: "_", with: "")
        guard let value = Double(cleaned), value.isFinite else {
            report(DocumentProblem.expectedNumber(key: key, found: raw), at: node)
            return nil
        }
        guard range.contains(value) else {
            report(DocumentProblem.numberOutOfRange(key: key, found: raw, lowest: NumberText.plain(range.lowerBound),
                                                    highest: NumberText.plain(range.upperBound)), at: node)
            return nil
        }
        return value
    }

    func bool(_ fields: Fields, _ key: String) -> Bool? {
        guard let node = fields[key] else { return nil }
        let raw = node.scalar?.string ?? describe(node)
        switch raw.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(DocumentProblem.expectedBool(key: key, found: raw), at: node)
            return nil
        }
    }

    /// A list's items; a single scalar counts as a list of one.
    func list(_ fields: Fields, _ key: String) -> [Node] {
        guard let node = fields[key] else { return [] }
        if let sequence = node.sequence { return Array(sequence) }
        if node.scalar != nil { return [node] }
        report(DocumentProblem.expectedList(key: key), at: node)
        return []
    }

    /// A list of text items, each checked to be a scalar.
    func textList(_ fields: Fields, _ key: String) -> [String] {
        list(fields, key).compactMap { item in
            guard let scalar = item.scalar else {
                report(DocumentProblem.expectedText(key: key), at: item)
                return nil
            }
            let value = scalar.string.trimmed
            return value.isEmpty ? nil : value
        }
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        default: node.scalar?.string ?? "?"
        }
    }

    private func report(_ error: YamlError, in text: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.hasPrefix("but found another document") {
                report(DocumentProblem.multipleDocuments, at: location(mark))
            } else if problem.hasPrefix("Maximum nesting level reached") {
                report(DocumentProblem.nestedTooDeep, at: location(mark))
            } else {
                let context = context.map { $0.text.isEmpty ? "" : " (\($0.text))" } ?? ""
                report(DocumentProblem.syntax(problem + context), at: location(mark))
            }
        case let .duplicatedKeysInMapping(duplicates, context):
            let place = secondOccurrence(of: duplicates.first ?? "", after: context.mark, in: text) ?? location(context.mark)
            report(DocumentProblem.duplicateKey(duplicates.joined(separator: "', '")), at: place)
        case let .reader(problem, _, _, _):
            report(DocumentProblem.syntax(problem), at: .start)
        default:
            report(DocumentProblem.syntax("\(error)"), at: .start)
        }
    }

    /// Yams marks a duplicated key where it first appears; the mistake is the repeat. Looks for the
    /// same key at the same column further down (block mappings); nil when it is not found.
    private func secondOccurrence(of key: String, after first: Mark, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index].unicodeScalars
            guard line.count >= first.column else { continue }
            let lead = line.prefix(first.column - 1)
            guard lead.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(line.dropFirst(first.column - 1)))
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).first == ":" {
                    return SourceLocation(line: index + 1 + lineOffset, column: first.column)
                }
            }
        }
        return nil
    }

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(line: max(mark.line, 1) + lineOffset, column: max(mark.column, 1))
    }
}

/// A value written as nothing, `~` or `null` (quoted text is never null).
func isNull(_ node: Node) -> Bool {
    if node.tag.rawValue == Tag.Name.null.rawValue { return true }
    // YAML's null, as Yams' default resolver finds it; also when composed with `Resolver.basic`.
    guard let scalar = node.scalar, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
}
