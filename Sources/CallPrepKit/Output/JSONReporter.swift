/// Values as JSON: pretty, with sorted keys, so output is stable and diff-friendly. A list is one
/// array, written an element at a time, byte for byte as the whole array would be.
public struct JSONReporter<Value: Encodable>: Reporter {
    public static var identifier: String { "json" }
    private let list: Bool
    private var count = 0

    public init(list: Bool) {
        self.list = list
    }

    public var start: String { list ? "[\n" : "" }

    public func render(_ value: Value) -> String {
        list ? "  " + JSONWriter.write(value, depth: 1) : JSONWriter.write(value) + "\n"
    }

    public mutating func add(_ value: Value, rendered: String) -> String {
        defer { count += 1 }
        return list && count > 0 ? ",\n" + rendered : rendered
    }

    public var end: String { list ? "\n]\n" : "" }
}
