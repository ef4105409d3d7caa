import Foundation

/// Something made once for each process a run meets (a parser's item index, a scorer), shared by
/// the threads that parse and score at once.
final class PerProcess<Value: Sendable>: @unchecked Sendable {
    private let make: @Sendable (SalesProcess) -> Value
    private let lock = NSLock()
    private var made: [String: Value] = [:]

    init(_ make: @escaping @Sendable (SalesProcess) -> Value) {
        self.make = make
    }

    func value(for process: SalesProcess) -> Value {
        lock.withLock {
            let key = process.id + "\u{0}" + process.version
            if let known = made[key] { return known }
            let value = make(process)
            made[key] = value
            return value
        }
    }
}
