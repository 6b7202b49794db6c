import Foundation

/// Checks JSON against the schemas of the served OpenAPI document: the subset the document uses
/// ($ref, type, enum, pattern, minimum, properties, required, additionalProperties, items).
struct OpenAPIValidator {
    let document: [String: Any]

    init(_ json: String) throws {
        document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    /// Problems with `body` as the response of `method path` (a path template) with `status`.
    func problems(_ body: String, method: String, path: String, status: Int) -> [String] {
        guard let paths = document["paths"] as? [String: Any], let item = paths[path] as? [String: Any],
            let operation = item[method.lowercased()] as? [String: Any], let responses = operation["responses"] as? [String: Any]
        else { return ["\(method) \(path) is not in the document"] }
        guard let response = responses[String(status)] as? [String: Any],
            let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        else { return ["\(method) \(path) does not document status \(status)"] }
        guard let value = try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) else {
            return ["not JSON: \(body)"]
        }
        return validate(value, schema, at: "$")
    }

    func validate(_ value: Any, _ schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let resolved = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any]
            else { return ["\(path): unresolved \(reference)"] }
            return validate(value, resolved, at: path)
        }
        var problems: [String] = []
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { Self.matches(value, type: $0) }) {
            return ["\(path): expected \(types), got \(type(of: value)) \(value)"]
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            problems.append("\(path): \(text) is not one of \(allowed)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append("\(path): \(text) does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
            problems.append("\(path): \(number) is below \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += validate(item, property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += validate(item, additional, at: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): \(key) is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += validate(item, items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "null": value is NSNull
        case "boolean": (value as? NSNumber).map(isBoolean) ?? false
        case "integer": (value as? NSNumber).map { !isBoolean($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": value is NSNumber
        default: false
        }
    }
}
