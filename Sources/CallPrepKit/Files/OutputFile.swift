import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes generated documents: to standard output, or atomically to a file.
public enum OutputFile {
    /// Writes `text` to `path`, or to standard output when `path` is nil or `-`.
    public static func emit(_ text: String, to path: String?, force: Bool) throws(DiagnosticError) {
        let sink = try OutputSink(path, force: force)
        try sink.write(text)
        try sink.finish()
    }

    /// Writes through a temporary file in the same folder, renamed into place, so a reader never
    /// sees half a file. An existing file is replaced only with `force`, keeping its mode.
    public static func write(_ text: String, to path: String, force: Bool,
                             createFolders: Bool = false) throws(DiagnosticError) {
        let sink = try OutputSink(path, force: force, createFolders: createFolders)
        try sink.write(text)
        try sink.finish()
    }
}

/// Output written a piece at a time, so that a long run need not hold it all: to standard output
/// as it comes, or to a temporary file in the target's folder that `finish()` puts in place (a
/// reader never sees half a file; without `finish()`, nothing is put in place). An existing file is
/// replaced only with `force`, keeping its mode.
public final class OutputSink {
    private let path: String?
    private let force: Bool
    private var temporary: String?
    private var descriptor: Int32
    private var existing: stat?
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16
    /// Whether callprep's own colour codes pass (`VisibleControls`); every other control is made visible.
    private let keepingColour: Bool

    /// `path` nil or `-` is standard output. Whatever is written has its control characters made
    /// visible (`VisibleControls`): text from debriefs cannot drive a terminal, on screen or later.
    public init(_ path: String?, force: Bool, createFolders: Bool = false, keepingColour: Bool = false) throws(DiagnosticError) {
        self.keepingColour = keepingColour
        guard let path, path != "-" else {
            self.path = nil
            self.force = force
            descriptor = STDOUT_FILENO
            return
        }
        self.path = path
        self.force = force
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if createFolders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Self.failure(path, .cannotWrite(reason: "cannot create folder \(folder)"))
            }
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            if !force { throw Self.failure(path, .exists) }
            existing = status
        }
        TemporaryFiles.removeStale(of: url.lastPathComponent, in: folder)
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        TemporaryFiles.register(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else {
            TemporaryFiles.unregister(temporary)
            throw Self.failureWithErrno(path)
        }
        self.temporary = temporary
    }

    deinit {
        if let temporary {
            close(descriptor)
            unlink(temporary)
            TemporaryFiles.unregister(temporary)
        }
    }

    public func write(_ text: String) throws(DiagnosticError) {
        buffer.append(contentsOf: VisibleControls.apply(text, keepingColour: keepingColour).utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered; for a file, makes it durable and puts it in place.
    public func finish() throws(DiagnosticError) {
        try flush()
        guard let path, let temporary else { return }
        if let existing { fchmod(descriptor, existing.st_mode & 0o7777) }
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        self.temporary = nil
        var removeTemporary = true
        defer {
            if removeTemporary { unlink(temporary) }
            TemporaryFiles.unregister(temporary)
        }
        guard synced, closed else { throw Self.failureWithErrno(path) }
        if existing != nil {
            guard rename(temporary, path) == 0 else { throw Self.failureWithErrno(path) }
            removeTemporary = false
        } else if link(temporary, path) != 0 {
            // link() refuses to replace a file that appeared since the check in init.
            if errno == EEXIST { throw Self.failure(path, .exists) }
            // A file system without hard links: rename, accepting that small race.
            guard rename(temporary, path) == 0 else { throw Self.failureWithErrno(path) }
            removeTemporary = false
        }
    }

    private func flush() throws(DiagnosticError) {
        var written = 0
        while written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failureWithErrno(path ?? "-")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ path: String, _ problem: FileProblem) -> DiagnosticError {
        DiagnosticError([Diagnostic(file: path, problem)])
    }

    private static func failureWithErrno(_ path: String) -> DiagnosticError {
        failure(path, .cannotWrite(reason: String(cString: strerror(errno))))
    }
}

/// write(2), out of reach of `OutputSink.write` by name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Where a command writes: a file (atomically, replacing one only with `force`), or standard
/// output when `path` is nil or `-`.
public struct OutputTarget: Sendable {
    public var path: String?
    public var force: Bool

    public init(path: String?, force: Bool = false) {
        self.path = path
        self.force = force
    }

    public func emit(_ text: String) throws(DiagnosticError) {
        try OutputFile.emit(text, to: path, force: force)
    }

    public func sink(keepingColour: Bool = false) throws(DiagnosticError) -> OutputSink {
        try OutputSink(path, force: force, keepingColour: keepingColour)
    }
}
