import Foundation
import Testing
@testable import CallPrepKit

/// `callprep meeting import --crm-export`: the opportunity filled from a Salesforce report or a
/// HubSpot deals export, in their own column shapes (Fixtures/crm), matched to the invite's customer
/// (docs/crm.md).
@Suite("meeting import from a CRM export", .serialized)
struct CRMImportTests {
    static func export(_ name: String) -> String { TestSupport.fixture("crm/\(name)").path }

    /// The example workspace with a stage table in callprep.yaml.
    static func workspace() throws -> URL {
        let folder = try ReliabilityTests.workspace()
        try "crm:\n  stages:\n    Needs Analysis: discover\n    Proposal/Price Quote: propose\n    Decision maker bought-in: commit\n"
            .write(to: folder.appendingPathComponent("callprep.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The Google invite with its customers at another domain, imported with the export `name`.
    static func importing(customerDomain: String, from name: String) throws -> (meeting: Meeting, text: String, notes: [String]) {
        let folder = try workspace()
        let invite = try TestSupport.read(URL(fileURLWithPath: CalendarTests.invite("google-invite.ics")))
            .replacingOccurrences(of: "northwind.example", with: customerDomain, options: .caseInsensitive)
        let path = folder.appendingPathComponent("invite.ics")
        try invite.write(to: path, atomically: true, encoding: .utf8)
        return try CalendarTests.imported("", MeetingImportRequest(crmExport: export(name)), in: folder, path: path.path)
    }

    @Test func aSalesforceReportFillsTheOpportunity() throws {
        let imported = try CalendarTests.imported("google-invite.ics", MeetingImportRequest(crmExport: Self.export("salesforce-opportunities.csv")),
                                                  in: try Self.workspace())
        let opportunity = imported.meeting.opportunity
        // The known deal keeps its id; the CRM gives the rest. The won pilot of the same account is passed over.
        #expect(opportunity.id == "northwind-fleet-2026" && opportunity.crmID == "0065g00000NwFleetAAB")
        #expect(opportunity.name == "Fleet scheduling rollout" && opportunity.stage == "discover")
        #expect(opportunity.value == 120_000 && opportunity.currency == "EUR")
        #expect(imported.text.contains("  crm_id: \"0065g00000NwFleetAAB\"\n"))
        #expect(imported.notes.contains { $0.contains("matched by the domain northwind.example") && $0.contains("line 2") })
    }

    @Test func aHubSpotDealsExportFillsTheOpportunity() throws {
        let imported = try CalendarTests.imported("google-invite.ics", MeetingImportRequest(crmExport: Self.export("hubspot-deals.csv")),
                                                  in: try Self.workspace())
        let opportunity = imported.meeting.opportunity
        #expect(opportunity.crmID == "18446744001" && opportunity.stage == "commit" && opportunity.value == 120_000)
        #expect(imported.notes.contains { $0.contains("HubSpot deals export") })
    }

    /// A new customer gets its account and an id from the CRM, matched by the account's name when
    /// the export has no domain for it.
    @Test func aNewCustomerIsMatchedByItsName() throws {
        let imported = try Self.importing(customerDomain: "fabrikam.example", from: "hubspot-deals.csv")
        #expect(imported.meeting.account == "Fabrikam, Inc." && imported.meeting.opportunity.id == "fabrikam-depot-planning")
        #expect(imported.meeting.opportunity.crmID == "18446744003" && imported.meeting.opportunity.value == nil)
        // "Appointment scheduled" is in no table and names no stage: said, and the stage kept.
        #expect(imported.notes.contains { $0.contains("the CRM stage 'Appointment scheduled' maps to no stage") })
        #expect(!imported.text.contains("this opportunity is a placeholder"))
    }

    @Test func aMissingMatchIsSaidAndLeavesTheOpportunity() throws {
        let imported = try CalendarTests.imported("outlook-invite.ics", MeetingImportRequest(crmExport: Self.export("hubspot-deals.csv")),
                                                  in: try Self.workspace())
        #expect(imported.meeting.opportunity.crmID == nil)
        #expect(imported.notes.contains { $0.contains("no CRM opportunity: no open opportunity in") })
    }

    @Test func anAmbiguousMatchIsSaidAndFillsNothing() throws {
        let imported = try Self.importing(customerDomain: "contoso-health.example", from: "salesforce-opportunities.csv")
        #expect(imported.meeting.opportunity.crmID == nil)
        let note = try #require(imported.notes.first { $0.contains("2 open opportunities") })
        #expect(note.contains("0065g00000CoRostAAB Contoso rostering (Proposal/Price Quote, line 4)")
            && note.contains("0065g00000CoAddOAAB") && note.contains("write the one this call is about as crm_id by hand"))
    }

    @Test func aFileOfAnotherShapeIsAnErrorWithItsPlace() throws {
        let folder = try Self.workspace()
        let other = folder.appendingPathComponent("contacts.csv")
        try "First Name,Last Name,Email\nMara,Jensen,mara@northwind.example\n".write(to: other, atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(["meeting", "import", CalendarTests.invite("google-invite.ics"), "--crm-export", "contacts.csv",
                                          "-o", "-"], in: folder)
        #expect(run.status == 1 && run.stderr.hasPrefix("contacts.csv:1:1: error: this is neither a Salesforce opportunity report"))
        try "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Associated Company\"\n\"1\",\"Open quote,Closed won,X\n"
            .write(to: other, atomically: true, encoding: .utf8)
        let broken = try CallPrepBinary.run(["meeting", "import", CalendarTests.invite("google-invite.ics"), "--crm-export",
                                             "contacts.csv", "-o", "-"], in: folder)
        #expect(broken.status == 1 && broken.stderr.hasPrefix("contacts.csv:2:5: error:") && broken.stderr.contains("never closed"),
                "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("meetings/northwind-2026-12-03-0900.yaml").path))
    }

    /// Through the binary, into meetings/, and read back by `brief`.
    @Test func theImportedFileIsOneBriefReads() throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run(["meeting", "import", CalendarTests.invite("google-invite.ics"), "--crm-export",
                                          Self.export("salesforce-opportunities.csv")], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let written = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("meetings").path)
            .first { $0 != "northwind-discovery.yaml" })
        let brief = try CallPrepBinary.run(["brief", "meetings/\(written)"], in: folder)
        #expect(brief.status == 0 && brief.stdout.contains("Fleet scheduling rollout"), "\(brief.stderr)")
    }
}
