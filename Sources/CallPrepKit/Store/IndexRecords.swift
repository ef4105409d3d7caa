import GRDB

/// The rows of the index (schema in `IndexStore.migrator`), as GRDB records.

/// One indexed debrief: its meeting, its file, and its scorecard's figures.
struct DebriefRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "debrief"

    var path: String
    var contentHash: String
    var fileSize: Int?
    var fileModified: Int64?
    var meetingID: String
    var date: String
    var account: String?
    var opportunity: String?
    var rep: String?
    var stage: String
    var processID: String
    var processVersion: String
    var score: Int?
    var claimedScore: Int?
    var selfScore: Int?
    var managerScore: Int?
    var evidencedStage: String?
    var readyToAdvance: Bool?
    var gained: Int?
    var aheadOfEvidence = false

    enum Columns {
        static let path = Column(CodingKeys.path)
        static let contentHash = Column(CodingKeys.contentHash)
        static let fileSize = Column(CodingKeys.fileSize)
        static let fileModified = Column(CodingKeys.fileModified)
        static let date = Column(CodingKeys.date)
        static let opportunity = Column(CodingKeys.opportunity)
        static let processID = Column(CodingKeys.processID)
        static let score = Column(CodingKeys.score)
        static let claimedScore = Column(CodingKeys.claimedScore)
        static let selfScore = Column(CodingKeys.selfScore)
        static let managerScore = Column(CodingKeys.managerScore)
        static let evidencedStage = Column(CodingKeys.evidencedStage)
        static let readyToAdvance = Column(CodingKeys.readyToAdvance)
        static let gained = Column(CodingKeys.gained)
        static let aheadOfEvidence = Column(CodingKeys.aheadOfEvidence)
    }

    /// The opportunity whose debriefs are scored together; a debrief without one is its own.
    var dealKey: DealKey {
        DealKey(process: processID, opportunity: opportunity ?? path)
    }
}

/// A debrief record's JSON (docs/debrief-record.md), apart from `debrief` so that reports never read it.
struct RecordRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "debriefRecord"

    var path: String
    var record: String

    enum Columns {
        static let path = Column(CodingKeys.path)
    }
}

/// One item's status in one debrief's scorecard, with the debrief's rep, process and date.
struct ItemStatusRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "itemStatus"

    var path: String
    var item: String
    var kind: String
    var status: String
    var weight: Double
    var rep: String?
    var processID: String
    var date: String

    enum Columns {
        static let path = Column(CodingKeys.path)
    }
}

/// One finding of one debrief's scorecard.
struct FindingRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding"

    var path: String
    var check: String
    var message: String
    var line: Int?

    enum Columns {
        static let path = Column(CodingKeys.path)
    }
}

/// One coaching note of one debrief.
struct CoachingNoteRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "coachingNote"

    var path: String
    var text: String
    var milestone: String?
    var author: String?
    var line: Int
}

/// An indexed file as `ingest` compares it with the one on disk.
public struct IndexedFile: Sendable, Equatable {
    public var hash: String
    public var size: Int?
    public var modified: Int64?

    public init(hash: String, size: Int?, modified: Int64?) {
        self.hash = hash
        self.size = size
        self.modified = modified
    }

    /// Whether the file on disk has the size and time the index saw: then it is not even read.
    public func matches(_ status: FileStatus?) -> Bool {
        guard let status, let size, let modified else { return false }
        return status.size == size && status.modified == modified
    }
}
