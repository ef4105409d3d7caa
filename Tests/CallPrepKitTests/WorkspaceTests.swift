import Foundation
import Testing
@testable import CallPrepKit

@Suite("Workspace and files")
struct WorkspaceTests {
    @Test func embeddedFilesMatchTemplatesFolder() throws {
        let folder = TestSupport.root.appendingPathComponent("templates")
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }
        #expect(Set(onDisk) == Set(BuiltinFiles.all.keys), "run scripts/embed-templates")
        for path in onDisk {
            let text = try TestSupport.read(folder.appendingPathComponent(path))
            #expect(BuiltinFiles.all[path] == text, "\(path) differs from its embedded copy; run scripts/embed-templates")
        }
    }

    @Test func embeddedGuidesMatchDocsFolder() throws {
        let folder = TestSupport.root.appendingPathComponent("docs")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && $0 != "evidence-eval.md" }.map { String($0.dropLast(3)) }
        #expect(Set(onDisk) == Set(Guides.topics), "run scripts/embed-templates")
        for topic in onDisk {
            let text = try TestSupport.read(folder.appendingPathComponent("\(topic).md"))
            #expect(Guides.text(topic) == text, "docs/\(topic).md differs from its embedded copy; run scripts/embed-templates")
        }
    }

    @Test func initWritesAWorkspaceWhoseProcessChecks() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("new/ws")
        let written = try WorkspaceInitializer.create(at: folder.path)
        #expect(written.map { String($0.dropFirst(folder.path.count + 1)) }
            == ["process.yaml", "meetings/northwind-discovery.yaml", "debriefs/northwind-2026-11-26.md", ".gitignore"])
        let process = try ProcessResolver.resolve(nil, in: folder.path)
        #expect(process == (try TestSupport.builtinProcess("b2b")))
        let meeting = try MeetingLoader.load(path: folder.appendingPathComponent("meetings/northwind-discovery.yaml").path,
                                             process: process)
        #expect(meeting.account == "Northwind Logistics")
    }

    @Test func initRefusesAndChangesNothingWhenAnyFileExists() throws {
        let folder = try TestSupport.temporaryFolder()
        let mine = folder.appendingPathComponent("process.yaml")
        try "id: mine\n".write(to: mine, atomically: true, encoding: .utf8)
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in
            try WorkspaceInitializer.create(at: folder.path)
        }
        #expect(found == ["\(mine.path):1:1: error: the file exists already; init changed nothing"])
        #expect(try TestSupport.read(mine) == "id: mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["process.yaml"])
    }

    @Test func writeRefusesToReplaceWithoutForce() throws {
        let file = try TestSupport.temporaryFolder().appendingPathComponent("out.md")
        try OutputFile.write("first\n", to: file.path, force: false)
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in
            try OutputFile.write("second\n", to: file.path, force: false)
        }
        #expect(found == ["\(file.path):1:1: error: the file exists already; pass --force to replace it"])
        #expect(try TestSupport.read(file) == "first\n")
    }

    @Test func forcedWriteKeepsTheModeAndLeavesNoTemporaryFile() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("out.md")
        try OutputFile.write("first\n", to: file.path, force: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try OutputFile.write("second\n", to: file.path, force: true)
        #expect(try TestSupport.read(file) == "second\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.md"])
    }

    @Test func writeIntoAMissingFolderFailsWithADiagnostic() throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("no/such/out.md").path
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in
            try OutputFile.write("x", to: path, force: false)
        }
        let folder = (path as NSString).deletingLastPathComponent
        #expect(found == ["\(path):1:1: error: cannot write the file: the folder \(folder) does not exist: create it first"])
    }

    static let unreadable: [(name: String, bytes: [UInt8], expected: String)] = [
        ("empty", [], "f:1:1: error: the file is empty"),
        ("only white space", Array(" \n\t\n".utf8), "f:1:1: error: the file is empty"),
        ("UTF-16", [0xFF, 0xFE, 0x69, 0x00], "f:1:1: error: the file is UTF-16; save it as UTF-8"),
        ("binary", Array("id: x\nab".utf8) + [0, 1, 2], "f:2:3: error: the file is binary, not text"),
        ("Latin-1", Array("id: x\ntitle: Caf".utf8) + [0xE9], "f:2:11: error: the file is not UTF-8 text (invalid byte at offset 16)"),
    ]

    @Test("unreadable bytes give one diagnostic", arguments: unreadable.indices)
    func unreadableBytes(index: Int) {
        let testCase = Self.unreadable[index]
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in
            try SourceFile.decode(Data(testCase.bytes), path: "f")
        }
        #expect(found == [testCase.expected], "\(testCase.name)")
    }

    @Test func byteOrderMarkIsDropped() throws {
        let file = try SourceFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8)), path: "f")
        #expect(file.text == "id: x\n")
    }
}
