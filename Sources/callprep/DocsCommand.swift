import ArgumentParser
import CallPrepKit

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Show the guide to a file format or output: meeting-file, process-file, scorecard, ...",
        discussion: """
            The guides of callprep's docs/ folder, carried by the binary, as Markdown: what each key of a \
            meeting or process file means, the debrief record and the scorecard, the checks, templates, \
            calendars, the index and reports, the limits on input. Without a topic, lists the topics.
            """
    )

    @Argument(help: "The guide to show (for example meeting-file); none lists them.")
    var topic: String?

    func validate() throws {
        if let topic, Guides.text(topic) == nil {
            throw ValidationError("no guide '\(topic)'; the guides are: \(Guides.topics.joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let topic, let text = Guides.text(topic) else {
            let width = Guides.topics.map(\.count).max() ?? 0
            print("Guides (callprep docs TOPIC):\n")
            for name in Guides.topics {
                print("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Guides.title(name))
            }
            return
        }
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}
