import Dispatch
import Foundation

/// The temporary files of writes in progress (`OutputSink`), removed when the run is interrupted
/// (SIGINT, SIGTERM, SIGHUP) instead of left behind; one left by SIGKILL, which cannot be caught,
/// is removed by the next write to the same file.
enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
        if sources.isEmpty { installHandlers() }
    }

    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }

    /// Removes `.NAME.PID.N.tmp` files in `folder` whose process is gone: what a killed run left.
    static func removeStale(of name: String, in folder: String) {
        let prefix = "." + name + "."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let parts = entry.dropFirst(prefix.count).dropLast(4).split(separator: ".")
            guard parts.count == 2, let pid = Int32(parts[0]), UInt32(parts[1]) != nil else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + entry) }
        }
    }

    /// Signals are handled on a dispatch queue, not in a signal handler, so that Swift code may
    /// run: the files are removed, then the process ends with the status the signal would give.
    private static func installHandlers() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                lock.lock()
                for path in paths { unlink(path) }
                paths.removeAll()
                lock.unlock()
                // At once, before the run notices its file is gone: 128 + the signal, as shells report it.
                _exit(128 + signal)
            }
            source.resume()
            sources.append(source)
        }
    }
}
