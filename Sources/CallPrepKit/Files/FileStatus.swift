import Foundation

/// A file's size and modification time, as `ingest` compares it with what the index knows.
public struct FileStatus: Sendable, Equatable {
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int64

    /// The status of `path`; nil when it cannot be read.
    public static func of(_ path: String) -> FileStatus? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStatus(size: Int(status.st_size),
                          modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }
}
