import Mustache
import Synchronization

/// A view model as the templates read it, each struct's stored properties mirrored once.
///
/// swift-mustache finds a name in a plain struct by mirroring the struct and searching its
/// properties, at every lookup, and again for each level of the context stack a name falls
/// through (a row's template asking for the page's texts passes every enclosing model). The
/// working view spent two thirds of its instructions there. A node mirrors its value the first
/// time a name is asked of it, and a property's value is wrapped the first time it is asked for;
/// both are kept for later lookups. A nil optional answers nil, so the name falls through to the
/// context below as before.
final class ReflectedModel: MustacheParent {
    private let value: Any
    private var properties: [String: Any]?
    private var asked: [String: Any?] = [:]

    private init(_ value: Any) { self.value = value }

    func child(named name: String) -> Any? {
        if let answer = asked[name] { return answer }
        let properties = self.properties ?? mirrored()
        let answer = properties[name].flatMap(Self.wrap)
        asked[name] = .some(answer)
        return answer
    }

    private func mirrored() -> [String: Any] {
        var properties: [String: Any] = [:]
        for property in Mirror(reflecting: value).children {
            if let label = property.label { properties[label] = property.value }
        }
        self.properties = properties
        return properties
    }

    /// `value` as a template reads it: a struct or class as a node, an array with its elements
    /// wrapped, an optional as what it holds (nil for none), and anything that renders as itself
    /// (text, numbers, a type with a description, the template engine's own kinds, enums,
    /// dictionaries, tuples) as it is.
    static func wrap(_ value: Any) -> Any? {
        switch shape(of: value) {
        case .itself: value
        case .node: ReflectedModel(value)
        case .array: (value as? [Any]).map { $0.map { wrap($0) as Any } } ?? value
        case .optional: Mirror(reflecting: value).children.first.flatMap { wrap($0.value) }
        }
    }

    private enum Shape { case itself, node, array, optional }

    /// What each type is, decided once per type: the casts that decide it cost more than the rest
    /// of a lookup.
    private static let shapes = Mutex<[ObjectIdentifier: Shape]>([:])

    private static func shape(of value: Any) -> Shape {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = shapes.withLock({ $0[type] }) { return known }
        let shape: Shape =
            switch Mirror(reflecting: value).displayStyle {
            case .optional: .optional
            case .collection where value is [Any]: .array
            case .struct, .class:
                value is MustacheParent || value is MustacheLambda || value is MustacheCustomRenderable
                    || value is MustacheCustomRepresentation || value is MustacheTemplate || value is CustomStringConvertible
                    ? .itself : .node
            default: .itself
            }
        shapes.withLock { $0[type] = shape }
        return shape
    }
}
