/// The debriefs waiting for a manager's review: no row of their review table answered, and no
/// grade. Oldest first.
public struct ReviewQueue: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public let source: String
        public let date: String
        public let rep: String?
        public let account: String?
        public let score: Int?
        public let findings: Int

        public init(source: String, date: String, rep: String?, account: String?, score: Int?, findings: Int) {
            self.source = source
            self.date = date
            self.rep = rep
            self.account = account
            self.score = score
            self.findings = findings
        }
    }

    public var format = "callprep.review-queue/1"
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}

