import Foundation

/// A text file read for parsing: decoded as UTF-8, its byte-order mark removed.
public struct SourceFile: Sendable {
    /// The name used in diagnostics: the path as given, or `<stdin>` for `-`.
    public var path: String
    public var text: String

    /// Files larger than this are refused before anything parses them.
    public static let defaultMaxBytes = 1 << 20
    /// The most `--max-bytes` may raise that to (1 GiB): a debrief is text a person wrote.
    public static let largestMaxBytes = 1 << 30

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// What a debrief read from standard input (`-`) is called, unless `--as` names it.
    public static let standardInputName = "<stdin>"

    /// Reads `path`, or standard input when `path` is `-`.
    public static func read(_ path: String, maxBytes: Int = defaultMaxBytes) throws(DiagnosticError) -> SourceFile {
        if path == "-" {
            return try decode([UInt8](FileHandle.standardInput.readDataToEndOfFile()), path: standardInputName,
                              maxBytes: maxBytes)
        }
        func fail(_ problem: FileProblem) -> DiagnosticError {
            DiagnosticError([Diagnostic(file: path, problem)])
        }
        switch RegularFile.read(path, atMost: min(maxBytes, largestMaxBytes) + 1) {
        case let .failure(refusal):
            throw fail(.cannotRead(reason: refusal.reason))
        case let .success((bytes, size)):
            // Too large is said with the file's size, though only the limit and a byte were read.
            if size > maxBytes { throw fail(.tooLarge(bytes: size, limit: maxBytes)) }
            return try decode(bytes, path: path, maxBytes: maxBytes)
        }
    }

    /// The first complete lines of `path`, up to `bytes` bytes; nil when they cannot be read or
    /// decoded. Enough for a debrief's front matter, without reading the rest.
    static func head(of path: String, bytes: Int = 2048) -> SourceFile? {
        guard case let .success((read, _)) = RegularFile.read(path, atMost: bytes), !read.isEmpty else { return nil }
        var head = read[...]
        // A full buffer may end inside a line (or a character): keep whole lines only.
        if read.count == bytes, let lastNewline = head.lastIndex(of: 0x0A) { head = head[...lastNewline] }
        return try? decode(Array(head), path: path)
    }

    /// Decodes raw bytes, refusing what is not UTF-8 text.
    public static func decode(_ data: Data, path: String, maxBytes: Int = defaultMaxBytes) throws(DiagnosticError) -> SourceFile {
        try decode([UInt8](data), path: path, maxBytes: maxBytes)
    }

    static func decode(_ bytes: [UInt8], path: String, maxBytes: Int = defaultMaxBytes) throws(DiagnosticError) -> SourceFile {
        func fail(_ problem: FileProblem, at offset: Int = 0) -> DiagnosticError {
            let (line, column) = position(ofByte: offset, in: bytes)
            return DiagnosticError([Diagnostic(file: path, at: SourceLocation(line: line, column: column), problem)])
        }
        if bytes.count > maxBytes { throw fail(.tooLarge(bytes: bytes.count, limit: maxBytes)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw fail(.utf16) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw fail(.empty) }
        if let nul = body.firstIndex(of: 0) { throw fail(.binary, at: nul) }
        // One validating pass; the offset of the first bad byte is looked for only when there is one.
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(body) ?? body.startIndex
            throw fail(.notUTF8(byteOffset: bad), at: bad)
        }
        return SourceFile(path: path, text: text)
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (in bytes) of a byte offset.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
