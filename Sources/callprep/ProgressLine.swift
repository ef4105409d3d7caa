import Foundation

/// One updating line on standard error while a long run works (`parse`, `score`, `ingest` of
/// many files): done of total, and files per second. Only on a terminal; cleared at the end, and
/// before any diagnostic is printed.
final class ProgressLine: @unchecked Sendable {
    static let shared = ProgressLine()

    private let lock = NSLock()
    private var shown = false
    private var started = Date()
    private var lastDrawn = Date.distantPast
    let enabled = isatty(STDERR_FILENO) == 1

    /// What a workspace run calls; nil when standard error is not a terminal.
    var callback: (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        let line = self
        return { @Sendable done, total in line.update(done, total) }
    }

    private func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if !shown { started = now }
        guard total > 0, done < total else { clearLocked(); return }
        guard now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        let rate = Double(done) / max(now.timeIntervalSince(started), 0.001)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(done)/\(total) files, \(Int(rate)) per second".utf8))
        shown = true
    }

    /// Clears the line, when one is shown.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
    }

    private func clearLocked() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
