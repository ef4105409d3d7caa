import Foundation

/// The writers' turn at an index: an exclusive `flock` on a file beside it (`index.sqlite.lock`).
/// Two `ingest` runs, or an `ingest` and a `report` that ingests, take turns instead of failing
/// with "database is locked": the second waits for the first to finish. An `ingest --rebuild` holds
/// it until the new index is in place. Readers take no turn; SQLite's busy timeout lets them wait
/// out a commit (docs/limits.md).
///
/// The turn may be taken again inside itself (an ingest holds it for its whole run, and each of
/// its transactions takes it too); threads of one process take turns through it as well.
final class IndexLock: @unchecked Sendable {
    private let path: String
    private var descriptor: Int32 = -1
    private let threads = NSRecursiveLock()
    /// How many `exclusively` calls are running on this thread; the file is locked while above 0.
    private var depth = 0

    /// A lock beside the index at `indexPath` (the file itself, links followed); nothing for an
    /// index in memory.
    init(indexPath: String) {
        path = indexPath == ":memory:" ? "" : indexPath + ".lock"
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Runs `body` holding the lock, waiting as long as another process holds it.
    func exclusively<T>(_ body: () throws -> T) throws -> T {
        guard !path.isEmpty else { return try body() }
        threads.lock()
        defer { threads.unlock() }
        if depth > 0 {
            depth += 1
            defer { depth -= 1 }
            return try body()
        }
        if descriptor < 0 {
            // Another user's lock file can be locked through a read-only descriptor; with none at all
            // (a folder this user cannot write), SQLite itself says that the index cannot be written.
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if descriptor < 0 { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
            if descriptor < 0 { return try body() }
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw IndexLockError(reason: String(cString: strerror(errno)), path: path) }
        }
        depth = 1
        defer {
            depth = 0
            flock(descriptor, LOCK_UN)
        }
        return try body()
    }
}

struct IndexLockError: Error {
    let reason: String
    let path: String
}
