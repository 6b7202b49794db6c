/// How a person with protected personal data (skyddade personuppgifter) appears to staff other
/// than their responsible counsellor: by initials, never the whole name.
public enum ProtectedIdentity {
    /// "Anna-Karin Lindqvist" → "A.-K. L."; an empty name stays empty.
    public static func initials(of name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).map { word in
            word.split(separator: "-").compactMap { $0.first.map { "\($0.uppercased())." } }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
