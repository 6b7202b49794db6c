import Foundation
import FramstegStore

/// Fixed keys for tests, so sealed values are reproducible within a run and never real.
public enum TestKeys {
    public static let text = """
        lookup AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
        audit QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=
        key 2026-01 ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=
        """
    public static let keyring: FieldKeyring = try! FieldKeyring(text: text)
    /// A key file from before the `audit` line: its audit key is derived from the lookup key.
    public static let legacyText = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("audit") }
        .joined(separator: "\n")
    public static let legacyKeyring: FieldKeyring = try! FieldKeyring(text: legacyText)
}
