import Mustache

/// A view model as the templates read it, each struct's stored properties mirrored once.
///
/// swift-mustache finds a name in a plain struct by mirroring the struct and searching its
/// properties, at every lookup, and again for each level of the context stack a name falls
/// through (a row's template asking for the page's texts passes every enclosing model). The
/// working view spent two thirds of its instructions there. A node mirrors its value the first
/// time a name is asked of it and answers from a dictionary after that; what it hands out is
/// wrapped the same way. A nil optional is left out, so the name falls through to the context
/// below as before.
final class ReflectedModel: MustacheParent {
    private let value: Any
    private var properties: [String: Any]?

    private init(_ value: Any) { self.value = value }

    func child(named name: String) -> Any? {
        if let properties { return properties[name] }
        var read: [String: Any] = [:]
        for property in Mirror(reflecting: value).children {
            guard let label = property.label, let present = unwrapped(property.value) else { continue }
            read[label] = Self.wrap(present)
        }
        properties = read
        return read[name]
    }

    /// `value` as a template reads it: a struct or class as a node, an array with its elements
    /// wrapped, and anything that renders as itself (text, numbers, a type with a description, the
    /// template engine's own kinds, enums, dictionaries, tuples) as it is.
    static func wrap(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int: return value
        case let array as [Any]: return array.map(wrap)
        case is MustacheParent, is MustacheLambda, is MustacheCustomRenderable, is MustacheCustomRepresentation, is MustacheTemplate,
            is CustomStringConvertible:
            return value
        default:
            switch Mirror(reflecting: value).displayStyle {
            case .struct, .class: return ReflectedModel(value)
            default: return value
            }
        }
    }
}
