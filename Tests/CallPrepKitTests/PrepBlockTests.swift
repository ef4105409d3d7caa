import Foundation
import Testing
@testable import CallPrepKit

/// `callprep prep-block`: the prep time before a call as an .ics event, written through libical
/// and read back through it (scripts/check-prep-block reads it with Python's icalendar too).
@Suite("callprep prep-block")
struct PrepBlockTests {
    /// Runs the binary with SOURCE_DATE_EPOCH set, so that DTSTAMP is fixed.
    static func run(_ arguments: [String], in folder: URL, stamp: Int = 1_795_000_000) throws -> CommandResult {
        try CallPrepBinary.runCommand([CallPrepBinary.url.path] + arguments, in: folder, environment: ["SOURCE_DATE_EPOCH": String(stamp)])
    }

    /// A workspace with the Outlook invite imported and its plan written, under a long account
    /// name with accents, so that lines must fold between multi-byte characters.
    static func workspace() throws -> (folder: URL, meeting: String) {
        let folder = try ReliabilityTests.workspace()
        let imported = try CallPrepBinary.run(["meeting", "import", CalendarTests.invite("outlook-invite.ics")], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let meeting = "meetings/contoso-freight-2027-03-30-1400.yaml"
        try ReliabilityTests.edit(folder, meeting) { text in
            text.replacingOccurrences(of: "account: Contoso Freight", with: "account: \"Contoso Frächt Österreich Gesellschaft mit beschränkter Haftung, Zweigniederlassung Süd\"")
                .replacingOccurrences(of: "# objective:", with: "objective: Learn how dispatch plans the fleet today, and who feels the cost of late loads.")
                .replacingOccurrences(of: "# best_outcome:", with: "best_outcome: Jonas books a second call with their COO.")
        }
        return (folder, meeting)
    }

    @Test func theBlockReadsBackThroughLibicalFieldByField() throws {
        let (folder, meeting) = try Self.workspace()
        let run = try Self.run(["prep-block", meeting, "--gap", "10"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout

        let events = try CalendarReader.read(SourceFile(path: "block.ics", text: text), options: .init(localZone: "UTC"))
        let block = try #require(events.first)
        #expect(events.count == 1)
        #expect(block.uid == "prep-contoso-freight-2027-03-30-1400@callprep")
        // The call is at 14:00 in Berlin (summer time): 30 minutes (the process's prep_minutes), ending 10 before.
        #expect(block.start == CalendarTime(date: "2027-03-30", time: "13:20", zone: "Europe/Berlin", instant: 1_806_405_600))
        #expect(block.durationMinutes == 30)
        #expect(block.summary == "Prep: Contoso Frächt Österreich Gesellschaft mit beschränkter Haftung, Zweigniederlassung Süd, Discovery call")
        #expect(block.description == """
            Objective: Learn how dispatch plans the fleet today, and who feels the cost of late loads.
            Best outcome: Jonas books a second call with their COO.

            The brief: callprep brief \(meeting)
            """)
        #expect(text.contains("\r\nDTSTART;TZID=Europe/Berlin:20270330T132000\r\n"))
        #expect(text.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"))
        #expect(text.contains("\r\nDTSTAMP:20261118T110640Z\r\n"))

        // RFC 5545: CRLF after every line, folded at 75 octets, never inside a character.
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.last == UInt8(ascii: "\r") }, "a line ends without CR")
        #expect(lines.allSatisfy { $0.count - 1 <= 75 }, "a line is longer than 75 octets")
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "a fold splits a character")
        #expect(lines.contains { $0.first == UInt8(ascii: " ") }, "the long summary is folded")
    }

    @Test func theSameCallGivesTheSameUIDAndTheSameBytes() throws {
        let (folder, meeting) = try Self.workspace()
        let first = try Self.run(["prep-block", meeting], in: folder)
        let again = try Self.run(["prep-block", meeting], in: folder)
        #expect(first.status == 0 && first.stdout == again.stdout)
        // Moved an hour later and exported a day later: the same event, a higher SEQUENCE.
        try ReliabilityTests.edit(folder, meeting) { $0.replacingOccurrences(of: "time: \"14:00\"", with: "time: \"15:00\"") }
        let moved = try Self.run(["prep-block", meeting], in: folder, stamp: 1_795_086_400)
        func field(_ name: String, _ text: String) -> String? {
            text.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
        }
        #expect(field("UID", moved.stdout) == field("UID", first.stdout))
        #expect(moved.stdout.contains("\r\nDTSTART;TZID=Europe/Berlin:20270330T143000\r\n"))
        let sequence = { (text: String) in Int(field("SEQUENCE", text)?.dropFirst("SEQUENCE:".count) ?? "") ?? -1 }
        #expect(sequence(moved.stdout) > sequence(first.stdout))
    }

    @Test func lengthComesFromTheProcessOrTheOption() throws {
        let (folder, meeting) = try Self.workspace()
        try ReliabilityTests.edit(folder, "process.yaml") { $0.replacingOccurrences(of: "prep_minutes: 30", with: "prep_minutes: 45") }
        for (arguments, minutes) in [([String](), 45), (["--minutes", "20"], 20)] {
            let run = try Self.run(["prep-block", meeting] + arguments, in: folder)
            let event = try #require(try CalendarReader.read(SourceFile(path: "b.ics", text: run.stdout), options: .init(localZone: "UTC")).first)
            #expect(event.durationMinutes == minutes)
            #expect(event.start.time == (minutes == 45 ? "13:15" : "13:40"))
        }
    }

    @Test func aCallGivenWithAnOffsetIsWrittenInUTC() throws {
        let (folder, meeting) = try Self.workspace()
        try ReliabilityTests.edit(folder, meeting) { $0.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: \"+05:30\"") }
        let run = try Self.run(["prep-block", meeting, "-o", "block.ics"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try TestSupport.read(folder.appendingPathComponent("block.ics"))
        #expect(text.contains("\r\nDTSTART:20270330T080000Z\r\n") && !text.contains("VTIMEZONE"))
    }

    @Test func aMeetingWithoutATimeIsRefused() throws {
        let (folder, meeting) = try Self.workspace()
        try ReliabilityTests.edit(folder, meeting) { text in
            text.replacingOccurrences(of: "time: \"14:00\"\n", with: "").replacingOccurrences(of: "timezone: Europe/Berlin\n", with: "")
        }
        let run = try Self.run(["prep-block", meeting], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "\(meeting):1:1: error: the meeting has no 'time' and 'timezone': a prep block needs to know when the call starts\n")
    }
}
