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
    /// sees half a file. An existing file is replaced only with `force` (see `OutputSink`).
    public static func write(_ text: String, to path: String, force: Bool,
                             createFolders: Bool = false) throws(DiagnosticError) {
        let sink = try OutputSink(path, force: force, createFolders: createFolders)
        try sink.write(text)
        try sink.finish()
    }

    /// Throws what a write to `path` would refuse before writing anything (an existing file
    /// without `force`; a folder, a dangling link...), so that a command that writes several files
    /// can decide them all first. Creates nothing.
    public static func check(_ path: String, force: Bool) throws(DiagnosticError) {
        guard path != "-" else { return }
        _ = try target(path, force: force)
    }

    /// What `path` names, or the error a write to it is.
    static func target(_ path: String, force: Bool) throws(DiagnosticError) -> WriteTarget {
        let target = WriteTarget.of(path)
        switch target {
        case .regular where !force:
            throw OutputSink.failure(path, .exists)
        case let .refused(refusal):
            throw OutputSink.failure(path, .cannotWrite(reason: refusal.reason))
        default:
            return target
        }
    }
}

/// Output written a piece at a time, so that a long run need not hold it all: to standard output
/// as it comes, or to a temporary file in the target's folder that `finish()` puts in place (a
/// reader never sees half a file; without `finish()`, nothing is put in place). An existing file is
/// replaced only with `force`.
///
/// What the path names decides how (`WriteTarget`): a symbolic link is written through, replacing
/// the file it leads to in that file's folder; the file put in place has the old one's permissions
/// without setuid, setgid and sticky bits (and its owner, where that may be kept), a new file those
/// the umask leaves. A character device or a named pipe (`/dev/null`) is opened and written, and
/// `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` are written through the descriptor: never replaced,
/// and no `--force` needed. A folder, a block device, a socket, a dangling link or a link loop is
/// refused.
public final class OutputSink {
    private let path: String?
    private var temporary: String?
    /// Where the temporary file goes: the path given, or the file its links lead to.
    private var destination: String?
    private var descriptor: Int32
    /// Whether `finish()` closes `descriptor`: a device or pipe this sink opened.
    private var ownsDescriptor = false
    private var existing: (mode: mode_t, owner: uid_t, group: gid_t)?
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
            descriptor = STDOUT_FILENO
            return
        }
        self.path = path
        let target = try OutputFile.target(path, force: force)
        switch target {
        case let .descriptor(number):
            guard fcntl(number, F_GETFL) >= 0 else { throw Self.failureWithErrno(path) }
            descriptor = number
            return
        case .passThrough:
            descriptor = try Self.openInPlace(path)
            ownsDescriptor = true
            return
        case let .regular(resolved, mode, owner, group):
            existing = (mode, owner, group)
            destination = resolved
        case .missing:
            destination = path
        case let .refused(refusal):
            throw Self.failure(path, .cannotWrite(reason: refusal.reason))
        }
        let destination = destination ?? path
        let folder = WriteTarget.folder(of: destination)
        if createFolders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Self.failure(path, .cannotWrite(reason: "cannot create folder \(folder)"))
            }
        } else if !FileManager.default.fileExists(atPath: folder) {
            throw Self.failure(path, .cannotWrite(reason: "the folder \(folder) does not exist: create it first"))
        }
        let base = (destination as NSString).lastPathComponent
        TemporaryFiles.removeStale(of: base, in: folder)
        let temporary = folder + "/." + base + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        TemporaryFiles.register(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
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
        } else if ownsDescriptor {
            close(descriptor)
        }
    }

    public func write(_ text: String) throws(DiagnosticError) {
        buffer.append(contentsOf: VisibleControls.apply(text, keepingColour: keepingColour).utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered; for a file, makes it durable and puts it in place.
    public func finish() throws(DiagnosticError) {
        try flush()
        if ownsDescriptor {
            ownsDescriptor = false
            guard close(descriptor) == 0 else { throw Self.failureWithErrno(path ?? "-") }
            return
        }
        guard let path, let temporary, let destination else { return }
        if let existing {
            // Kept where the system lets us (root, or the owner's own group); never a setuid,
            // setgid or sticky bit: a replaced file is a new file.
            _ = fchown(descriptor, existing.owner, existing.group)
            fchmod(descriptor, existing.mode & 0o777)
        }
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
            // What was a regular file must still be one: never rename over a device, a pipe or a
            // link that took its place meanwhile.
            var status = stat()
            if lstat(destination, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                throw Self.failure(path, .cannotWrite(reason: "it changed into something else than a file while being written"))
            }
            guard rename(temporary, destination) == 0 else { throw Self.failureWithErrno(path) }
            removeTemporary = false
        } else if link(temporary, destination) != 0 {
            // link() refuses to replace anything that appeared since the check in init.
            if errno == EEXIST { throw Self.failure(path, .exists) }
            // A file system without hard links: rename, accepting that small race, but never over
            // something that is there now.
            var status = stat()
            if lstat(destination, &status) == 0 { throw Self.failure(path, .exists) }
            guard rename(temporary, destination) == 0 else { throw Self.failureWithErrno(path) }
            removeTemporary = false
        }
    }

    /// Opens a character device or a named pipe for writing, in place: without blocking (a pipe
    /// with no reader is an error, not a hang), then blocking again, so that writes wait for a
    /// slow reader instead of failing.
    private static func openInPlace(_ path: String) throws(DiagnosticError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENXIO { throw failure(path, .cannotWrite(reason: "a named pipe that no one reads")) }
            throw failureWithErrno(path)
        }
        var status = stat()
        let kind = fstat(descriptor, &status) == 0 ? status.st_mode & S_IFMT : 0
        // It was a device or a pipe when looked at; if it is something else now, it is not ours to write.
        guard kind == S_IFCHR || kind == S_IFIFO else {
            close(descriptor)
            throw failure(path, .cannotWrite(reason: "it changed into something else while being opened"))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return descriptor
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

    static func failure(_ path: String, _ problem: FileProblem) -> DiagnosticError {
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
