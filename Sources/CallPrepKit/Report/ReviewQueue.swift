/// The debriefs waiting for a manager's review: no row of their review table answered, and no
/// grade. Oldest first, each as the index holds it (`QueuedDebrief`).
public struct ReviewQueue: Sendable, Codable {
    public var format = "callprep.review-queue/1"
    public let entries: [QueuedDebrief]

    public init(entries: [QueuedDebrief]) {
        self.entries = entries
    }
}
