/// A text in English and Chinese; reporters pick one by `--lang`.
public struct Message: Sendable, Hashable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// Output language of messages.
public enum Language: String, Sendable, Hashable {
    case en, zh

    /// From LANG / LC_ALL: Chinese when they start with `zh`.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}
