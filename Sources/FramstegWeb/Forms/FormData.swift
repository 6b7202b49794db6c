import Foundation
import Hummingbird

/// A parsed `application/x-www-form-urlencoded` body. Keeps repeated fields (checkbox groups).
public struct FormData: Sendable, Equatable {
    private var fields: [(name: String, value: String)] = []

    public init() {}

    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    /// The first value of a field, or "" when absent: a missing field and an empty one read the same.
    public subscript(_ name: String) -> String {
        fields.first { $0.name == name }?.value ?? ""
    }

    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    public func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// The fields named `prefix` + something, by the something (a per-row group such as
    /// `answer-<criterion>`); the first value of each.
    public func named(after prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        for field in fields where field.name.hasPrefix(prefix) && field.name.count > prefix.count {
            let key = String(field.name.dropFirst(prefix.count))
            if result[key] == nil { result[key] = field.value }
        }
        return result
    }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// A query parameter, trimmed, or `otherwise` when the query does not name it (a filter form's
    /// defaults). Read as a browser sends a GET form, `+` for a space ("sa+li" is "sa li"), which
    /// Hummingbird's own query parameters leave as a plus.
    func query(_ name: String, otherwise: String) -> String {
        let form = FormData(urlEncoded: uri.query ?? "")
        return form.has(name) ? form[name].trimmed : otherwise
    }
}
