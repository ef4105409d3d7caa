import Foundation

/// Problems setting up or finding things in a workspace.
public enum WorkspaceProblem: LocalizedError, Equatable, Sendable {
    case initWouldOverwrite
    case notAFolder
    case sameMeeting(String, first: String)
    case unfilledForm
    case unknownName(String, known: [String])
    case ourSideUnknown
    case noEventWithUID(String, known: [String])
    case noCustomerMeeting(day: String?)
    case severalMeetings([String])
    case severalMeetingsOneFile(String)
    case importedBefore(String)
    case differentInvite(holds: String?, given: String?)
    case noCallTime
    case brokenBriefStamp
    case noReviewTable
    case noProcess(String)
    case changedDuringReview

    public var errorDescription: String? {
        switch self {
        case .noReviewTable:
            "the debrief has no review table to fill (| Item | Agree (yes or no) | Comment |, as `callprep form` writes it)"
        case let .noProcess(id):
            "no process '\(id)' to score the debrief with"
        case .changedDuringReview:
            "the file changed on disk during the review: nothing was written; review it again"
        case .brokenBriefStamp:
            "the brief's stamp is broken: it must read <!-- callprep:brief meeting=\"ID\" written=\"YYYY-MM-DD\" --> "
                + "with a real day, as `callprep brief` wrote it"
        case .initWouldOverwrite:
            "the file exists already; init changed nothing"
        case .notAFolder:
            "this is a file, not a folder"
        case let .unknownName(name, known):
            "no one called '\(name)' (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        case .ourSideUnknown:
            "cannot tell our people from the customer's: pass --ours with our email domain (e.g. --ours example.com), or list our side's emails in a meeting file"
        case let .noEventWithUID(uid, known):
            "no event has UID '\(uid)' (the file has: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        case let .noCustomerMeeting(day):
            day.map { "no customer meeting on \($0)" } ?? "no customer meeting in this file"
        case let .severalMeetings(list):
            "\(list.count) customer meetings in this file; pick one with --uid, or a day with --date:\n  " + list.joined(separator: "\n  ")
        case let .severalMeetingsOneFile(path):
            "several customer meetings, but -o \(path) names one file: pick one with --uid, or leave out -o"
        case let .differentInvite(holds, given):
            "this meeting file holds \(holds.map { "another invite (UID \($0))" } ?? "a meeting not imported from this invite")"
                + ", not this one\(given.map { " (UID \($0))" } ?? ""): --force replaces it, plan and all; -o writes this one elsewhere"
        case let .importedBefore(path):
            "this invite was imported into \(path) already; pass --force to update it (what you wrote there is kept)"
        case .noCallTime:
            "the meeting has no 'time' and 'timezone': a prep block needs to know when the call starts"
        case .unfilledForm:
            "an unfilled form (nothing ticked or written since `callprep form` made it): no call to score, skipped"
        case let .sameMeeting(id, first):
            "a second debrief of meeting '\(id)' (the first is \(first)): one of them is a copy, or has the wrong meeting id"
        }
    }
}
