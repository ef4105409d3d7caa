import CStemmer
import Foundation

/// Word forms brought together by the Snowball stemmer of the system's libstemmer: "benchmarks"
/// and "benchmarking" both stem to "benchmark". The only use of CStemmer; no pointer leaves here.
package struct Stemmer: Sendable {
    /// The Snowball algorithm's name, as libstemmer spells it ("english", "german", ...).
    package let language: String
    private let handle: Handle

    /// A stemmer for `language`; nil when libstemmer has no such algorithm (see `languages`).
    package init?(language: String = "english") {
        guard let handle = Handle(language: language) else { return nil }
        self.language = language
        self.handle = handle
    }

    /// The algorithms libstemmer offers, sorted.
    package static var languages: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names.sorted()
    }

    /// The stem of `word`, lower-cased first. A word the stemmer cannot take comes back lower-cased.
    package func stem(_ word: String) -> String {
        let word = word.lowercased()
        return handle.stem(word, key: WordKey(word))
    }

    /// The stem of a word already in lower case (a token's), with its key.
    package func stem(lowercased word: String, key: WordKey) -> String {
        handle.stem(word, key: key)
    }

    /// Owns one C stemmer. sb_stemmer is not thread-safe, so every call holds the lock; stems
    /// already made are remembered (texts repeat their words), which keeps the lock short: in a
    /// fixed table of slots by the word's key, a later word taking an earlier one's slot (a
    /// hostile text has no end of distinct words; a dictionary hashed every word again).
    private final class Handle: @unchecked Sendable {
        private struct Known {
            var key: WordKey
            var word: String
            var stem: String
        }

        private let stemmer: OpaquePointer
        private let lock = NSLock()
        private static let slots = 8192
        private var known = [Known?](repeating: nil, count: Handle.slots)

        init?(language: String) {
            guard let stemmer = sb_stemmer_new(language, "UTF_8") else { return nil }
            self.stemmer = stemmer
        }

        deinit { sb_stemmer_delete(stemmer) }

        func stem(_ word: String, key: WordKey) -> String {
            let slot = Int(truncatingIfNeeded: key.value ^ (key.value >> 31)) & (Handle.slots - 1)
            lock.lock()
            defer { lock.unlock() }
            if let entry = known[slot], entry.key == key, entry.word == word { return entry.stem }
            let bytes = Array(word.utf8)
            let stem: String = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, buffer.count < Int(Int32.max),
                      let result = sb_stemmer_stem(stemmer, base, Int32(buffer.count)) else { return word }
                let length = Int(sb_stemmer_length(stemmer))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
            known[slot] = Known(key: key, word: word, stem: stem)
            return stem
        }
    }
}
