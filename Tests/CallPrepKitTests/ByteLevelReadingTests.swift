import Testing
@testable import CallPrepKit

/// Readers rewritten to work by bytes for speed must keep what the character-level versions gave:
/// line endings around the front matter, scalar (not byte) limits in the evidence label, roles.
@Suite("Byte-level readers")
struct ByteLevelReadingTests {
    @Test(arguments: [
        ("---\na: 1\n---\nbody", "a: 1", "\n\n\nbody"),
        // A \r\n is one character: the old split kept it on the YAML, and so does this one.
        ("---\r\na: 1\r\n---\r\nbody", "a: 1\r\n", "\n\n\nbody"),
        ("---\ra: 1\r---\rbody", "a: 1\r", "\n\n\nbody"),
        ("---\n---\nx", "", "\n\nx"),
        ("---\n\n---\nx", "", "\n\n\nx"),
        ("\u{FEFF}---\nk: v\n---\nb", "k: v", "\n\n\nb"),
        (" - - -\nk: v\n --- \t\nb é", "k: v", "\n\n\nb é"),
    ])
    func frontMatterSplitsAsItDid(text: String, yaml: String, body: String) {
        let split = FrontMatter.split(text)
        #expect(split.yaml == yaml)
        #expect(split.body == body)
    }

    @Test func noClosingFenceOrFourDashesIsNoFrontMatter() {
        for text in ["---\nk: v\nbody", "----\nk: v\n----\nb", "--\nk\n--\n"] {
            let split = FrontMatter.split(text)
            #expect(split.yaml == nil)
            #expect(split.body == text)
        }
    }

    @Test func theEvidenceLabelIsCutByScalarsNotBytes() {
        #expect(ItemReader.stripEvidenceLabel("Evidence (their words: quoted): they count 40 a week") == "they count 40 a week")
        #expect(ItemReader.stripEvidenceLabel("evidence:   Müller counted 5 ") == "Müller counted 5")
        #expect(ItemReader.stripEvidenceLabel("Evidence (never closed: the rest") == "the rest")
        #expect(ItemReader.stripEvidenceLabel("They said: 40") == "They said: 40")
        // 100 two-byte letters: 109 scalars before the colon (within 160), 209 bytes.
        let accented = String(repeating: "é", count: 100)
        #expect(ItemReader.stripEvidenceLabel("Evidence " + accented + ": x") == "x")
        // 200 of them: past 160 scalars, the colon is text.
        let long = "Evidence " + String(repeating: "é", count: 200) + ": x"
        #expect(ItemReader.stripEvidenceLabel(long) == long)
    }

    @Test func rolesAreReadLooselyAndSpelledWithSpaces() {
        #expect(BuyingRole(loose: "Decision maker") == .decisionMaker)
        #expect(BuyingRole(loose: "economic_buyer") == .economicBuyer)
        #expect(BuyingRole(loose: " Technical - Buyer ") == .technicalBuyer)
        #expect(BuyingRole(loose: "decision maker-ish") == nil)
        for role in BuyingRole.allCases {
            #expect(role.title == role.rawValue.split(separator: "-").joined(separator: " "))
        }
    }
}
