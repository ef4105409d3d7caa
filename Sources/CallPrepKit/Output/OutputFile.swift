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
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try write(text, to: path, force: force)
    }

    /// Writes through a temporary file in the same folder, renamed into place, so a reader never
    /// sees half a file. An existing file is replaced only with `force`, keeping its mode.
    public static func write(_ text: String, to path: String, force: Bool,
                             createFolders: Bool = false) throws(DiagnosticError) {
        func fail(_ problem: FileProblem) -> DiagnosticError {
            DiagnosticError([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), problem)])
        }
        func failWithErrno() -> DiagnosticError {
            fail(.cannotWrite(reason: String(cString: strerror(errno))))
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if createFolders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw fail(.cannotWrite(reason: "cannot create folder \(folder)"))
            }
        }
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if exists, !force { throw fail(.exists) }

        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else { throw failWithErrno() }
        var removeTemporary = true
        defer { if removeTemporary { unlink(temporary) } }

        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
        } catch {
            close(descriptor)
            throw fail(.cannotWrite(reason: error.localizedDescription))
        }
        if exists { fchmod(descriptor, existing.st_mode & 0o7777) }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else { throw failWithErrno() }

        if exists {
            guard rename(temporary, path) == 0 else { throw failWithErrno() }
            removeTemporary = false
        } else if link(temporary, path) != 0 {
            // link() refuses to replace a file that appeared since the check above.
            if errno == EEXIST { throw fail(.exists) }
            // A file system without hard links: rename, accepting that small race.
            guard rename(temporary, path) == 0 else { throw failWithErrno() }
            removeTemporary = false
        }
    }
}
