/// The tokens of a text already read as a fact (a name, a date, a frequency), which the readers
/// after leave alone: one flag per token, not a set that hashes every index it is asked about.
package struct TakenTokens: Sendable {
    private var flags: [Bool]

    package init(count: Int) { flags = Array(repeating: false, count: count) }

    package func contains(_ index: Int) -> Bool { flags.indices.contains(index) && flags[index] }

    package mutating func insert(_ index: Int) {
        if flags.indices.contains(index) { flags[index] = true }
    }

    package mutating func formUnion(_ indices: Range<Int>) {
        for index in indices { insert(index) }
    }
}
