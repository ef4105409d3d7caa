import Foundation

/// A text file read for parsing: decoded as UTF-8, its byte-order mark removed.
public struct SourceFile: Sendable {
    /// The name used in diagnostics: the path as given, or `<stdin>` for `-`.
    public var path: String
    public var text: String

    /// Files larger than this are refused before anything parses them.
    public static let defaultMaxBytes = 1 << 20

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads `path`, or standard input when `path` is `-`.
    public static func read(_ path: String, maxBytes: Int = defaultMaxBytes) throws(DiagnosticError) -> SourceFile {
        if path == "-" {
            return try decode([UInt8](FileHandle.standardInput.readDataToEndOfFile()), path: "<stdin>",
                              maxBytes: maxBytes)
        }
        func fail(_ problem: FileProblem) -> DiagnosticError {
            DiagnosticError([Diagnostic(file: path, problem)])
        }
        guard let (bytes, size) = readBytes(path, atMost: maxBytes + 1) else {
            throw fail(.cannotRead(reason: describeReadFailure(path)))
        }
        // Too large is said with the file's size, though only the limit and a byte were read.
        if size > maxBytes { throw fail(.tooLarge(bytes: size, limit: maxBytes)) }
        return try decode(bytes, path: path, maxBytes: maxBytes)
    }

    /// The first `limit` bytes of a file (all of it when shorter), with plain POSIX calls: this
    /// runs for every debrief, and Foundation's `Data(contentsOf:)` costs more than the reading.
    private static func readBytes(_ path: String, atMost limit: Int) -> (bytes: [UInt8], fileSize: Int)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return nil }
        var bytes = [UInt8](repeating: 0, count: min(limit, max(Int(status.st_size), 0) + 1))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(limit - count, max(count, 4096))) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return (bytes, max(Int(status.st_size), count))
    }

    /// The first complete lines of `path`, up to `bytes` bytes; nil when they cannot be read or
    /// decoded. Enough for a debrief's front matter, without reading the rest.
    static func head(of path: String, bytes: Int = 2048) -> SourceFile? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        var head = buffer[..<count]
        // A full buffer may end inside a line (or a character): keep whole lines only.
        if count == bytes, let lastNewline = head.lastIndex(of: 0x0A) { head = head[...lastNewline] }
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

    private static func describeReadFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        return "permission denied"
    }
}
