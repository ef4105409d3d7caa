import Foundation

/// Reading only what is a regular file. A named pipe, a socket or a device named like a debrief
/// must never block a run (opening a pipe for reading waits for a writer), and a folder, a dangling
/// link or a link loop is named for what it is.
enum RegularFile {
    /// Why a path is not a readable regular file, in words for a diagnostic.
    enum Refusal: Error, Equatable {
        case missing
        case folder
        case danglingLink
        case linkLoop
        case denied
        /// A named pipe, a socket or a device.
        case special(String)
        case other(String)

        var reason: String {
            switch self {
            case .missing: "no such file"
            case .folder: "it is a folder"
            case .danglingLink: "a symbolic link to nothing (dangling)"
            case .linkLoop: "a symbolic link loop"
            case .denied: "permission denied"
            case let .special(kind): "not a regular file (\(kind))"
            case let .other(reason): reason
            }
        }
    }

    /// nil when `path` is a regular file (through links); else why it is not one. Asks `stat`
    /// only: nothing is opened.
    static func refusal(_ path: String) -> Refusal? {
        var status = stat()
        guard stat(path, &status) == 0 else { return failure(path, errno) }
        return kind(status.st_mode)
    }

    /// The first `limit` bytes of a regular file (all of it when shorter), and its size, with plain
    /// POSIX calls: this runs for every debrief. Opened without blocking, and checked to be a
    /// regular file before anything is read.
    static func read(_ path: String, atMost limit: Int) -> Result<(bytes: [UInt8], size: Int), Refusal> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        // A socket cannot be opened at all (ENXIO): `stat` says what it is.
        guard descriptor >= 0 else {
            let code = errno
            return .failure(refusal(path) ?? failure(path, code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.other(String(cString: strerror(errno)))) }
        if let refusal = kind(status.st_mode) { return .failure(refusal) }
        let size = max(Int(status.st_size), 0)
        var bytes = [UInt8](repeating: 0, count: min(limit, size + 1))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(limit - count, max(count, 4096))) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(failure(path, errno))
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return .success((bytes, max(size, count)))
    }

    private static func kind(_ mode: mode_t) -> Refusal? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .special("a named pipe")
        case S_IFSOCK: .special("a socket")
        case S_IFCHR, S_IFBLK: .special("a device")
        default: .special("an unknown kind of file")
        }
    }

    static func failure(_ path: String, _ code: Int32) -> Refusal {
        switch code {
        case ELOOP: return .linkLoop
        case EACCES, EPERM: return .denied
        case EISDIR: return .folder
        case ENOENT, ENOTDIR:
            var link = stat()
            return lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK ? .danglingLink : .missing
        default: return .other(String(cString: strerror(code)))
        }
    }
}
