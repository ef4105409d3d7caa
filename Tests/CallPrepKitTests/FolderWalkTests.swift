import Foundation
import Testing
@testable import CallPrepKit

/// The walk below a folder given to `parse`, `score`, `ingest`, `report`, `coach` and `check`: it
/// reads folders with `readdir`, so what it passes over and what it follows is asserted here.
@Suite struct FolderWalkTests {
    @Test("nested files are found in order; hidden folders, templates and links to folders are passed over; a link to a file is read")
    func whatTheWalkFinds() throws {
        let top = try TestSupport.temporaryFolder()
        let manager = FileManager.default
        for folder in ["b/deeper/deepest", "a", ".git/objects", "b/.hidden", "templates", "elsewhere"] {
            try manager.createDirectory(at: top.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["z.md", "a/y.md", "b/x.md", "b/deeper/deepest/w.md", "b/notes.txt", ".git/objects/v.md",
                     "b/.hidden/u.md", "templates/t.md", "elsewhere/s.md", ".draft.md"] {
            try "text".write(to: top.appendingPathComponent(file), atomically: false, encoding: .utf8)
        }
        #expect(symlink(top.appendingPathComponent("elsewhere").path, top.appendingPathComponent("b/link-to-folder").path) == 0)
        #expect(symlink("../elsewhere/s.md", top.appendingPathComponent("a/link.md").path) == 0)
        // A link back up would lead a walk that follows links round forever.
        #expect(symlink("..", top.appendingPathComponent("b/deeper/up").path) == 0)

        for given in [top.path, top.path + "/"] {
            var diagnostics: [Diagnostic] = []
            let files = DebriefFiles.walk(given, extensions: [".md"], passingOver: ["templates"], diagnostics: &diagnostics)
            let base = top.path
            #expect(files == ["\(base)/a/link.md", "\(base)/a/y.md", "\(base)/b/deeper/deepest/w.md", "\(base)/b/x.md",
                              "\(base)/elsewhere/s.md", "\(base)/z.md"])
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }

    @Test("odd entries named like debriefs are warned of in the order of their paths")
    func warningsInOrder() throws {
        let top = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: top.appendingPathComponent("m-folder.md/inner"), withIntermediateDirectories: true)
        #expect(symlink("nowhere.md", top.appendingPathComponent("z-dangling.md").path) == 0)
        #expect(mkfifo(top.appendingPathComponent("a-pipe.md").path, 0o644) == 0)
        try "text".write(to: top.appendingPathComponent("m-folder.md/inner/kept.md"), atomically: false, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        let files = DebriefFiles.walk(top.path, extensions: [".md"], diagnostics: &diagnostics)
        #expect(files == [top.path + "/m-folder.md/inner/kept.md"])
        #expect(diagnostics.map(\.description) == [
            "\(top.path)/a-pipe.md:1:1: warning: not a regular file (a named pipe), skipped",
            "\(top.path)/m-folder.md:1:1: warning: it is a folder, skipped",
            "\(top.path)/z-dangling.md:1:1: warning: a symbolic link to nothing (dangling), skipped",
        ])
    }
}
