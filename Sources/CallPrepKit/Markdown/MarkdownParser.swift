import CCmarkGFM

/// Parses GitHub-flavoured Markdown with the system cmark-gfm library.
///
/// This file is the only place that touches cmark-gfm: it builds the C tree, converts it into
/// `MarkdownNode` values once, and frees every C allocation before returning.
public enum MarkdownParser {
    /// The GFM extensions every callprep document is parsed with.
    public static let extensions = ["table", "tasklist", "strikethrough", "autolink"]

    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Containers (quotes, lists, items) nested deeper than a person writes, at a position.
    public struct TooDeep: Error, Sendable {
        public let position: SourceLocation
        public let limit: Int
    }

    /// How deep a debrief's blocks may nest; far beyond any real document, far below what the
    /// recursive tree walks after parsing can take.
    public static let defaultMaxDepth = 64

    /// Parses text callprep wrote itself, with no nesting limit.
    public static func parse(_ text: String) -> MarkdownNode {
        // Without a limit there is nothing to throw.
        (try? parse(text, maxDepth: .max)) ?? MarkdownNode(kind: .document, start: SourceLocation(line: 1, column: 1),
                                                          end: SourceLocation(line: 1, column: 1))
    }

    /// Parses `text` into a document node; throws where nodes nest deeper than `maxDepth`. A
    /// leading UTF-8 byte-order mark is ignored.
    public static func parse(_ text: String, maxDepth: Int) throws(TooDeep) -> MarkdownNode {
        _ = registerExtensions
        // The text's own UTF-8 is fed as it is (an Array of it was copied byte by byte).
        var source = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text

        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            preconditionFailure("cmark-gfm could not allocate a parser")
        }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else {
            preconditionFailure("cmark-gfm returned no document")
        }
        defer { cmark_node_free(document) }
        return try convert(document, maxDepth: maxDepth)
    }

    /// Walks the C tree with cmark's iterator, so that deep nesting cannot overflow the stack.
    private static func convert(_ root: OpaquePointer, maxDepth: Int) throws(TooDeep) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else {
            preconditionFailure("cmark-gfm could not allocate an iterator")
        }
        defer { cmark_iter_free(iterator) }
        // cmark-gfm names node types with static strings: each is turned into a kind once per parse,
        // and found again by its address among the dozen or so a document has, without hashing.
        var kinds: [(name: UnsafePointer<CChar>, kind: MarkdownNode.Kind)] = []
        func kind(_ pointer: OpaquePointer) -> MarkdownNode.Kind {
            guard let name = cmark_node_get_type_string(pointer) else { return .unknown }
            for known in kinds where known.name == name { return known.kind }
            let kind = MarkdownNode.Kind(rawValue: String(cString: name)) ?? .unknown
            kinds.append((name, kind))
            return kind
        }
        // The blocks entered and not yet left, each with the children read so far: a node is made
        // once, when it is left, with all of them.
        var open: [OpenBlock] = []
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            guard let pointer = cmark_iter_get_node(iterator) else { break }
            if event == CMARK_EVENT_ENTER {
                // cmark-gfm gives breaks no position: they start where the previous sibling ended.
                // Read in place: `open.last` would copy the block with its children.
                let unplaced = open.isEmpty ? nil : open[open.count - 1].children.last?.end ?? open[open.count - 1].node.start
                let node = pending(pointer, kind: kind(pointer), unplaced: unplaced)
                if node.kind.isLeaf {
                    open[open.count - 1].children.append(node.made())
                } else if open.count >= maxDepth {
                    throw TooDeep(position: node.start, limit: maxDepth)
                } else {
                    open.append(OpenBlock(node: node))
                }
            } else if event == CMARK_EVENT_EXIT, open.count > 1 {
                let finished = open.removeLast()
                open[open.count - 1].children.append(finished.node.made(children: finished.children))
            }
            event = cmark_iter_next(iterator)
        }
        return open.first.map { $0.node.made(children: $0.children) }
            ?? MarkdownNode(kind: .document, start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
    }

    /// A block entered and not yet left, with the children read so far.
    private struct OpenBlock {
        var node: Pending
        var children: [MarkdownNode] = []
    }

    /// A node read and not yet made: a container is made once, when its children are known.
    private struct Pending {
        var kind: MarkdownNode.Kind
        var literal: String?
        var headingLevel: Int?
        var isChecked: Bool?
        var info: String?
        var start: SourceLocation
        var end: SourceLocation

        func made(children: [MarkdownNode] = []) -> MarkdownNode {
            MarkdownNode(kind: kind, literal: literal, headingLevel: headingLevel, isChecked: isChecked, info: info,
                         start: start, end: end, children: children)
        }
    }

    /// A node as cmark-gfm describes it, without children; `unplaced` is where it starts when
    /// cmark-gfm gives it no position.
    private static func pending(_ pointer: OpaquePointer, kind: MarkdownNode.Kind, unplaced: SourceLocation?) -> Pending {
        var start = SourceLocation(line: Int(cmark_node_get_start_line(pointer)),
                                   column: Int(cmark_node_get_start_column(pointer)))
        var end = SourceLocation(line: Int(cmark_node_get_end_line(pointer)),
                                 column: Int(cmark_node_get_end_column(pointer)))
        if start.line == 0, let unplaced {
            start = unplaced
            end = unplaced
        }
        // Some blocks report an end before their start (column 0 of the next line); clamp it.
        if (end.line, end.column) < (start.line, start.column) { end = start }
        var literal: String?
        switch kind {
        case .text, .code, .htmlInline, .htmlBlock, .codeBlock, .customBlock, .customInline:
            literal = cmark_node_get_literal(pointer).map { String(cString: $0) }
        default:
            break
        }
        var headingLevel: Int?
        var isChecked: Bool?
        var info: String?
        switch kind {
        case .heading:
            headingLevel = Int(cmark_node_get_heading_level(pointer))
        case .taskItem:
            isChecked = cmark_gfm_extensions_get_tasklist_item_checked(pointer)
        case .codeBlock:
            info = cmark_node_get_fence_info(pointer).map { String(cString: $0) }
        case .link, .image:
            info = cmark_node_get_url(pointer).map { String(cString: $0) }
        default:
            break
        }
        return Pending(kind: kind, literal: literal, headingLevel: headingLevel, isChecked: isChecked, info: info,
                       start: start, end: end)
    }
}
