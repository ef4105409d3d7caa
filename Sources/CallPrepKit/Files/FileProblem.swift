import Foundation

/// Problems reading or writing a file as a whole.
public enum FileProblem: LocalizedError, Equatable, Sendable {
    case cannotRead(reason: String)
    case empty
    case notUTF8(byteOffset: Int)
    case utf16
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case exists
    case cannotWrite(reason: String)
    case noDebriefForms
    /// Found in a folder, but not read: not a regular file.
    case skipped(reason: String)

    public var errorDescription: String? {
        switch self {
        case let .cannotRead(reason):
            "cannot read the file: \(reason)"
        case .empty:
            "the file is empty"
        case let .notUTF8(offset):
            "the file is not UTF-8 text (invalid byte at offset \(offset))"
        case .utf16:
            "the file is UTF-16; save it as UTF-8"
        case .binary:
            "the file is binary, not text"
        case let .tooLarge(bytes, limit):
            "the file is \(bytes) bytes, over the limit of \(limit)"
        case .exists:
            "the file exists already; pass --force to replace it"
        case let .cannotWrite(reason):
            "cannot write the file: \(reason)"
        case let .skipped(reason):
            "\(reason), skipped"
        case .noDebriefForms:
            "no debrief forms in this folder (Markdown files whose front matter has form: callprep.debrief-form/…)"
        }
    }
}
