import Foundation
import Mustache

/// Problems with a workspace's own templates.
public enum TemplateProblem: LocalizedError, Equatable, Sendable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case let .invalid(reason): "invalid Mustache template: \(reason)"
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
        _ = registerContentType
        var templates: [String: MustacheTemplate] = [:]
        var origins: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names {
            let override = (workspace as NSString).appendingPathComponent("templates/\(name)")
            let source: SourceFile
            if FileManager.default.fileExists(atPath: override) {
                do {
                    source = try SourceFile.read(override == "./templates/\(name)" ? "templates/\(name)" : override)
                } catch {
                    diagnostics += error.diagnostics
                    continue
                }
            } else {
                source = SourceFile(path: "<built-in \(name)>", text: BuiltinFiles.all[name] ?? "")
            }
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
    public static func problems(ofTemplate path: String) -> [Diagnostic] {
        _ = registerContentType
        do {
            _ = try compile(try SourceFile.read(path), as: (path as NSString).lastPathComponent)
            return []
        } catch {
            return error.diagnostics
        }
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
