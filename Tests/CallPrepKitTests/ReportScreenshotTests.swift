import Foundation
import Testing
@testable import CallPrepKit

/// The HTML team report as a browser draws it: headless Chromium renders the page of a generated
/// corpus to a PNG (as `scripts/report-screenshot` does). Runs where Chromium is installed.
@Suite("The HTML report in a browser")
struct ReportScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)

    @Test(.enabled(if: chromium != nil)) func chromiumDrawsTheWholeReport() throws {
        let folder = try TestSupport.temporaryFolder()
        try IndexSupport.writeCorpus(120, seed: 11, into: folder)
        let report = try CallPrepBinary.run(["report", "debriefs", "--format", "html", "-o", "report.html"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let png = folder.appendingPathComponent("report.png")
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        browser.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2400",
                             "--screenshot=\(png.path)", folder.appendingPathComponent("report.html").absoluteString]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        browser.waitUntilExit()
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // Width and height from the IHDR chunk: the page at the window's size.
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(number(16) == 1280 && number(20) == 2400)
        // A page of charts and tables, not a blank or an error page: tens of kilobytes.
        #expect(bytes.count > 60_000, "\(bytes.count) bytes")
    }
}
