import Foundation
import Mustache

/// Problems with a workspace's own templates.
public enum TemplateProblem: LocalizedError, Equatable, Sendable {
    case invalid(String)
    case includesItself([String])
    case dynamicPartial(String)
    case nestedTooDeep(Int)
    case delimiterTooLong(Int)
    case makesUnreadableForms(String)
    case unknownName(String)

    public var errorDescription: String? {
        switch self {
        case let .invalid(reason): "invalid Mustache template: \(reason)"
        case let .includesItself(chain) where chain.count == 2:
            "this partial includes \(chain[0]) in itself, which would never end: a template cannot include itself"
        case let .includesItself(chain):
            "this partial makes \(chain[0]) include itself (\(chain.joined(separator: " → "))), which would never end: "
                + "templates cannot include each other in a circle"
        case let .dynamicPartial(name):
            "a partial named by a value ({{>*\(name)}}) is not supported: name the template"
        case let .nestedTooDeep(limit): "sections are nested more than \(limit) deep here"
        case let .delimiterTooLong(limit): "this sets a delimiter longer than \(limit) characters"
        case let .makesUnreadableForms(reason):
            "the forms this template makes would be refused once filled in: \(reason)"
        case let .unknownName(name):
            "'\(name)' is no name callprep gives a template, so it renders as nothing (`callprep docs templates` lists the names)"
        }
    }
}

/// The Mustache templates documents are made from: the built-in ones, each replaced by a file of
/// the same name in the workspace's `templates/` folder when there is one.
public struct TemplateSet: Sendable {
    public static let briefName = "brief.md.mustache"
    public static let formName = "debrief.md.mustache"
    public static let reportName = "report.html.mustache"
    public static let names = [briefName, formName, reportName]

    /// Every `{{value}}` is escaped for the document's language (Markdown, or HTML for `.html`
    /// templates); `{{{value}}}` is not. A standalone line, so it renders nothing; diagnostics
    /// subtract it from line numbers.
    private static func pragma(_ name: String) -> String {
        name.hasSuffix(".html.mustache") ? "{{% CONTENT_TYPE: CALLPREP_HTML }}\n" : "{{% CONTENT_TYPE: MARKDOWN }}\n"
    }
    private static let registerContentType: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "CALLPREP_HTML")
    }()

    /// Where each template came from: a workspace file's path, or `<built-in NAME>`.
    public let origins: [String: String]
    private let library: MustacheLibrary

    /// Loads the templates for a workspace folder, reporting a broken override with its location.
    public static func load(workspace: String = ".") throws(DiagnosticError) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        for name in names {
            let override = (workspace as NSString).appendingPathComponent("templates/\(name)")
            guard FileManager.default.fileExists(atPath: override) else { continue }
            do {
                sources[name] = try SourceFile.read(override == "./templates/\(name)" ? "templates/\(name)" : override)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return try load(sources)
    }

    /// The templates of these texts, by name (`brief.md.mustache`…); a name not given is the
    /// built-in template.
    public static func load(_ given: [String: SourceFile]) throws(DiagnosticError) -> TemplateSet {
        _ = registerContentType
        var sources = given
        for name in names where sources[name] == nil {
            sources[name] = SourceFile(path: "<built-in \(name)>", text: BuiltinFiles.all[name] ?? "")
        }
        var diagnostics = tagProblems(sources)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        var templates: [String: MustacheTemplate] = [:]
        var origins: [String: String] = [:]
        for name in names {
            guard let source = sources[name] else { continue }
            do {
                templates[name] = try compile(source, as: name)
                origins[name] = source.path
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return TemplateSet(origins: origins, library: MustacheLibrary(templates: templates))
    }

    /// The problems of one template file, as `load` reports them for a workspace's own.
    /// A template that includes others is checked with the templates of its folder (else the
    /// built-in ones), as the workspace would load them.
    public static func problems(ofTemplate path: String) -> [Diagnostic] {
        _ = registerContentType
        let name = (path as NSString).lastPathComponent
        let source: SourceFile
        do { source = try SourceFile.read(path) } catch { return error.diagnostics }
        var sources = [name: source]
        let folder = (path as NSString).deletingLastPathComponent
        for other in names where other != name {
            let sibling = (folder as NSString).appendingPathComponent(other)
            sources[other] = (try? SourceFile.read(sibling)) ?? SourceFile(path: "<built-in \(other)>", text: BuiltinFiles.all[other] ?? "")
        }
        let tagged = tagProblems(sources).filter { $0.file == path }
        if !tagged.isEmpty { return tagged }
        do {
            _ = try compile(source, as: name)
        } catch {
            return error.diagnostics
        }
        // A name no view has renders as empty without a word: a typo in a template is a warning.
        return TemplateTags(source.text).names.filter { !knownNames.contains($0.name) }.map {
            Diagnostic(.warning, file: path, at: $0.location, TemplateProblem.unknownName($0.name))
        }
    }

    /// The names templates are given, as the templates guide lists them (every name in backticks
    /// in docs/templates.md, which a test holds to the views), and swift-mustache's own.
    static let knownNames: Set<String> = {
        var names: Set<String> = ["first", "last", "count", "index", "even", "odd", "empty", "reversed", "sorted", "uppercased",
                                  "lowercased", "capitalized"]
        let guide = BuiltinDocs.all["templates"] ?? ""
        for span in guide.split(separator: "`", omittingEmptySubsequences: false).enumerated() where span.offset % 2 == 1 {
            let word = span.element
            if let first = word.first, first.isLetter, word.allSatisfy({ $0.isLetter || $0.isNumber }) { names.insert(String(word)) }
        }
        return names
    }()

    /// What would make swift-mustache recurse without bound: sections nested too deep (its parser),
    /// a partial named by a value, and partials that include each other in a circle (its renderer).
    /// Each is reported at the tag where it happens.
    static func tagProblems(_ sources: [String: SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edges: [String: [TemplateTags.Partial]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let tags = TemplateTags(source.text)
            if let location = tags.tooDeep {
                diagnostics.append(Diagnostic(file: source.path, at: location, TemplateProblem.nestedTooDeep(TemplateTags.maxDepth)))
            }
            if let location = tags.longDelimiter {
                diagnostics.append(Diagnostic(file: source.path, at: location, TemplateProblem.delimiterTooLong(TemplateTags.maxDelimiter)))
            }
            for partial in tags.partials where partial.dynamic {
                diagnostics.append(Diagnostic(file: source.path, at: partial.location, TemplateProblem.dynamicPartial(partial.name)))
            }
            // The first tag naming each template is enough to find every circle.
            var named: Set<String> = []
            edges[name] = tags.partials.filter { !$0.dynamic && sources[$0.name] != nil && named.insert($0.name).inserted }
        }
        // A depth-first walk from each template; an edge back to a template on the path closes a circle.
        var reported: Set<String> = []
        func walk(_ name: String, path: [String]) {
            for partial in edges[name] ?? [] {
                if let start = path.firstIndex(of: partial.name) {
                    guard reported.insert("\(name)@\(partial.location)").inserted, let source = sources[name] else { continue }
                    diagnostics.append(Diagnostic(file: source.path, at: partial.location,
                                                  TemplateProblem.includesItself(Array(path[start...]) + [partial.name])))
                } else {
                    walk(partial.name, path: path + [partial.name])
                }
            }
        }
        for name in sources.keys.sorted() { walk(name, path: [name]) }
        return diagnostics
    }

    /// A template's text compiled, or its problem where it is (the pragma line not counted).
    private static func compile(_ source: SourceFile, as name: String) throws(DiagnosticError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: pragma(name) + source.text)
        } catch let error as MustacheTemplate.ParserError {
            throw DiagnosticError([Diagnostic(file: source.path, at: SourceLocation(line: max(1, error.context.lineNumber - 1),
                                                                                    column: max(1, error.context.columnNumber)),
                                              TemplateProblem.invalid(describe(error.error)))])
        } catch {
            throw DiagnosticError([Diagnostic(file: source.path, TemplateProblem.invalid("\(error)"))])
        }
    }

    /// swift-mustache's parser errors in words.
    private static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "this closing tag does not match the section it closes"
        case "unfinishedName": "a tag is not closed with }}"
        case "expectedSectionEnd": "a section is opened but never closed"
        case "overflow": "the template ends inside a tag or section"
        case "invalidSetDelimiter": "a set-delimiter tag is malformed"
        case let other: other
        }
    }

    func render(_ name: String, _ view: Any) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}

/// Escaping for HTML text and attribute values: the five characters that can end either.
private struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Mustache's escaping for Markdown documents.
private struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        MarkdownEscaping.inline(text)
    }
}
