import Foundation

/// Problems opening or writing the index, in plain words.
public enum IndexProblem: LocalizedError, Equatable, Sendable {
    case noIndex
    case cannotOpen(String)
    case damaged(String)
    case newerSchema
    case diskFull
    case cannotWrite(String)
    case readOnly(String)
    case busy
    case failed(String)

    public var errorDescription: String? {
        switch self {
        case .noIndex:
            "no index yet: run `callprep ingest debriefs`"
        case let .cannotOpen(reason):
            "cannot open the index: \(reason)"
        case let .damaged(reason):
            "the index is damaged (\(reason)); the debriefs are the source of truth: run `callprep ingest --rebuild debriefs`"
        case .newerSchema:
            "the index was written by a newer version of callprep; use that version, or run `callprep ingest --rebuild debriefs`"
        case .diskFull:
            "the disk is full: nothing was written, and the index is as it was before this run"
        case let .cannotWrite(reason):
            "the index could not be written to the disk (\(reason): is the disk full, or over a size limit?): "
                + "nothing was written, and the index is as it was before this run"
        case let .readOnly(reason):
            "the index cannot be written (\(reason)): nothing was written, and the index is as it was before this run"
        case .busy:
            "another callprep kept the index busy for over \(Int(IndexStore.busyTimeout)) seconds; try again when it is done"
        case let .failed(reason):
            "the index could not be updated: \(reason); the index is as it was before this run"
        }
    }
}
