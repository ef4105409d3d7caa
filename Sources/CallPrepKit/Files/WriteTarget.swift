import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, as a write sees it: symbolic links followed to what they name, so that a
/// write never replaces a link, a device or a named pipe with a file of its own.
enum WriteTarget: Equatable {
    /// Nothing there yet: a new file, created at the path as given.
    case missing
    /// An existing regular file at `path` (the path given, or what its links lead to), which a
    /// write replaces (with `--force`) by renaming a file into place in that folder.
    case regular(path: String, mode: mode_t, owner: uid_t, group: gid_t)
    /// A character device (`/dev/null`, a terminal) or a named pipe: opened and written in place,
    /// never replaced. Nothing is lost by writing to it, so it needs no `--force`.
    case passThrough
    /// One of this process's open descriptors (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`),
    /// written as it is: reopening it could truncate what the shell redirected it to.
    case descriptor(Int32)
    /// Something a write must not touch: a folder, a block device, a socket, a dangling link...
    case refused(RegularFile.Refusal)

    /// Links are followed at most this many times, as the kernel does (`ELOOP`).
    static let maxLinks = 40

    /// What `path` names, looked at with `lstat` and `readlink` only: nothing is opened.
    static func of(_ path: String) -> WriteTarget {
        var current = path
        for hop in 0...maxLinks {
            if let descriptor = ownDescriptor(current) { return .descriptor(descriptor) }
            var status = stat()
            guard lstat(current, &status) == 0 else {
                let code = errno
                if code == ENOENT { return hop == 0 ? .missing : .refused(.danglingLink) }
                return .refused(refusal(code))
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                guard let next = linkTarget(current) else { return .refused(refusal(errno)) }
                current = next
            case S_IFREG:
                return .regular(path: current, mode: status.st_mode, owner: status.st_uid, group: status.st_gid)
            case S_IFCHR, S_IFIFO:
                return .passThrough
            case S_IFDIR:
                return .refused(.folder)
            case S_IFBLK:
                return .refused(.special("a block device"))
            case S_IFSOCK:
                return .refused(.special("a socket"))
            default:
                return .refused(.special("an unknown kind of file"))
            }
        }
        return .refused(.linkLoop)
    }

    /// The path that `path` leads to through symbolic links (itself when it is none): the file a
    /// write through it replaces, whether it exists yet or not. A link loop gives `path` itself,
    /// whose opening then fails with its own error.
    static func linkedPath(_ path: String) -> String {
        var current = path
        for _ in 0...maxLinks {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let next = linkTarget(current) else { return current }
            current = next
        }
        return path
    }

    /// The path a symbolic link at `path` names, relative to the link's folder when it is relative.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return folder(of: path) + "/" + target
    }

    /// The folder of `path` as a path (`.` for a bare name, `/` for one at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The descriptor a path names when it is one of this process's own: `/dev/stdout`,
    /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    private static func ownDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        case "/dev/stdin": return STDIN_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"]
        where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    private static func refusal(_ code: Int32) -> RegularFile.Refusal {
        switch code {
        case ELOOP: .linkLoop
        case EACCES, EPERM: .denied
        case ENOTDIR: .other("a folder on its path is a file")
        default: .other(String(cString: strerror(code)))
        }
    }
}
