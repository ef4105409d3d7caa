/// The languages the Snowball stemmer of Debian's libstemmer offers (`sb_stemmer_list`), as a
/// process file's `language:` names them. Evidence/Stemmer checks the library agrees.
public enum EvidenceLanguages {
    public static let all = [
        "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish", "french", "german", "greek",
        "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian", "nepali", "norwegian", "porter",
        "portuguese", "romanian", "russian", "serbian", "spanish", "swedish", "tamil", "turkish", "yiddish",
    ]
}
