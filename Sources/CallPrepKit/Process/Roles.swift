/// Which side of the table an attendee sits on.
public enum Side: String, Sendable, Codable, CaseIterable {
    case ours, theirs
}

/// The part a customer's attendee plays in the buying decision.
public enum BuyingRole: String, Sendable, Codable, CaseIterable {
    case decisionMaker = "decision-maker"
    case economicBuyer = "economic-buyer"
    case champion
    case influencer
    case technicalBuyer = "technical-buyer"
    case user
    case referrer
    case gatekeeper
    case blocker
    case unknown

    /// Accepts "Decision maker", "decision_maker" and "decision-maker" alike.
    public init?(loose text: String) {
        let normalized = text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            .joined(separator: "-")
        self.init(rawValue: normalized)
    }

    /// The role in words: "decision maker" (spelled out, not replaced: every check asks).
    public var title: String {
        switch self {
        case .decisionMaker: "decision maker"
        case .economicBuyer: "economic buyer"
        case .technicalBuyer: "technical buyer"
        default: rawValue
        }
    }
}
