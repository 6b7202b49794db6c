import FramstegStore

/// Fixed keys for tests, so sealed values are reproducible within a run and never real.
public enum TestKeys {
    public static let text = """
        lookup AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
        key 2026-01 ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=
        """
    public static let keyring: FieldKeyring = try! FieldKeyring(text: text)
}
