import Foundation

/// `transform` of 0..<count, run on every core; the results in order.
func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let results = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, transform(index)) }
    return results.values
}

/// One slot per iteration of a concurrent loop; each iteration writes only its own.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    /// Every slot's value; `concurrentPerform` runs every iteration before it returns.
    var values: [T] {
        storage.map { value in
            guard let value else { preconditionFailure("an iteration of concurrentPerform did not run") }
            return value
        }
    }
}
