/// Records and scorecards as JSON: pretty, with sorted keys, so output is stable and diff-friendly.
public enum JSONOutput {
    public static func render(_ value: some Encodable) -> String {
        JSONWriter.write(value) + "\n"
    }

    /// A JSON array written an element at a time, byte for byte as `render` writes the whole array.
    public struct ArrayWriter: Sendable {
        private var count = 0

        public init() {}

        public let start = "[\n"
        public let end = "\n]\n"

        /// The next element, from `indented(_:)`.
        public mutating func element(_ indented: String) -> String {
            defer { count += 1 }
            return count == 0 ? indented : ",\n" + indented
        }

        /// `value` as an element of an array, indented as inside one. Apart from `element`, so that
        /// threads can render elements at once.
        public static func indented(_ value: some Encodable) -> String {
            "  " + JSONWriter.write(value, depth: 1)
        }
    }
}
