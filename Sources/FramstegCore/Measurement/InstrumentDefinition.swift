import Foundation

/// Why a definition was refused: the file, the JSON path (`items[3].scale`) and the reason.
public struct InstrumentDefinitionProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case notJSON
        case missing
        case wrongType(expected: String)
        case emptyList
        case duplicate(String)
        case unknownScale(String)
        case unknownItem(String)
        case unknownRespondent(String)
        case unknownMethod(String)
        case badRange(min: Int, max: Int)
        case labelOutsideScale(Int)
        case reverseNeedsNumericScale
        case thresholdsNotAscending
        case minimumAnsweredTooHigh(items: Int)
        case badIdentifier(String)
        case genderChoices
        case noPositiveChoice
        /// A choice marked more than one of positive, middle and don't know.
        case choiceInTwoShares
        case shareOutOfRange
        case improvedOutOfRange(indicators: Int)
        /// Not a delivery an anonymous survey can collect (`violence-screening`), or not anonymous.
        case notASurveyDelivery(String)
    }

    public let file: String
    public let path: String
    public let reason: Reason

    public init(file: String, path: String, reason: Reason) {
        self.file = file
        self.path = path
        self.reason = reason
    }

    public var description: String {
        let why: String =
            switch reason {
            case .notJSON: "not valid JSON"
            case .missing: "is missing"
            case .wrongType(let expected): "should be \(expected)"
            case .emptyList: "must not be empty"
            case .duplicate(let id): "\"\(id)\" is defined twice"
            case .unknownScale(let id): "no scale \"\(id)\" is defined"
            case .unknownItem(let id): "no item \"\(id)\" is defined"
            case .unknownRespondent(let value): "\"\(value)\" is not a respondent (participant, counsellor)"
            case .unknownMethod(let value): "\"\(value)\" is not a scoring method (sum, mean)"
            case .badRange(let min, let max): "min \(min) must be below max \(max)"
            case .labelOutsideScale(let step): "label for \(step) lies outside the scale"
            case .reverseNeedsNumericScale: "only items on a numeric scale can be reverse-scored"
            case .thresholdsNotAscending: "thresholds must rise"
            case .minimumAnsweredTooHigh(let items): "minimumAnswered is more than the \(items) items"
            case .badIdentifier(let value): "\"\(value)\" is not an identifier (a–z, 0–9, -)"
            case .genderChoices: "a gender question has choices woman, man and other only"
            case .noPositiveChoice: "a goal's questions need a scale with a positive choice"
            case .choiceInTwoShares: "a choice is at most one of positive, middle and dontKnow"
            case .shareOutOfRange: "a share lies between 0 and 1"
            case .improvedOutOfRange(let indicators): "improvedAtLeast counts indicators, from 1 to the \(indicators) the instrument has"
            case .notASurveyDelivery(let value):
                "\"\(value)\" is not a delivery an anonymous survey collects (violence-screening); the instrument must be anonymous"
            }
        return "\(file): \(path.isEmpty ? "" : path + " ")\(why)"
    }
}

extension Instrument {
    /// Reads and checks a definition (JSON, in the spirit of XLSForm). Every reference is resolved
    /// here, so an instrument that loads can always be answered and scored.
    public init(definition data: Data, file: String) throws(InstrumentDefinitionProblem) {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InstrumentDefinitionProblem(file: file, path: "", reason: .notJSON)
        }
        let reader = DefinitionReader(file: file)
        let object = try reader.object(root, "")
        let id = try reader.identifier(object["id"], "id")
        let version = try reader.integer(object["version"], "version")
        let title = try reader.text(object["title"], "title")
        let description =
            try object["description"].map { value throws(InstrumentDefinitionProblem) in try reader.text(value, "description") }
            ?? LocalizedText(swedish: "", english: "")

        let scaleObjects = try reader.object(object["scales"], "scales")
        if scaleObjects.isEmpty { throw reader.problem("scales", .emptyList) }
        var scales: [String: ResponseScale] = [:]
        for (name, value) in scaleObjects.sorted(by: { $0.key < $1.key }) {
            scales[name] = try reader.scale(value, "scales.\(name)")
        }

        let itemValues = try reader.array(object["items"], "items")
        if itemValues.isEmpty { throw reader.problem("items", .emptyList) }
        var items: [InstrumentItem] = []
        for (index, value) in itemValues.enumerated() {
            let path = "items[\(index)]"
            let item = try reader.object(value, path)
            let itemID = try reader.identifier(item["id"], path + ".id")
            if items.contains(where: { $0.id == itemID }) { throw reader.problem(path + ".id", .duplicate(itemID)) }
            let respondentText = try reader.string(item["respondent"], path + ".respondent")
            guard let respondent = Respondent(rawValue: respondentText) else {
                throw reader.problem(path + ".respondent", .unknownRespondent(respondentText))
            }
            let scaleName = try reader.string(item["scale"], path + ".scale")
            guard var scale = scales[scaleName] else { throw reader.problem(path + ".scale", .unknownScale(scaleName)) }
            // An item may name its own end points (KASAM's items each have their own).
            if let labels = item["labels"] {
                guard case .numeric(let min, let max, let base) = scale else {
                    throw reader.problem(path + ".labels", .wrongType(expected: "absent on a choice scale"))
                }
                let own = try reader.labels(labels, path + ".labels", min: min, max: max)
                scale = .numeric(min: min, max: max, labels: base.merging(own) { $1 })
            }
            let asksGender =
                try item["asks"].map { value throws(InstrumentDefinitionProblem) in
                    guard try reader.string(value, path + ".asks") == "gender" else {
                        throw reader.problem(path + ".asks", .wrongType(expected: "\"gender\""))
                    }
                    return true
                } ?? false
            if asksGender, scale.choices.isEmpty || !scale.choices.allSatisfy({ Gender(rawValue: $0.value) != nil }) {
                throw reader.problem(path + ".scale", .genderChoices)
            }
            let reverse =
                try item["reverse"].map { value throws(InstrumentDefinitionProblem) in try reader.boolean(value, path + ".reverse") }
                ?? false
            if reverse, case .choice = scale { throw reader.problem(path + ".reverse", .reverseNeedsNumericScale) }
            items.append(
                InstrumentItem(
                    id: itemID,
                    respondent: respondent,
                    scale: scale,
                    text: try reader.text(item["text"], path + ".text"),
                    label: try item["short"].map { value throws(InstrumentDefinitionProblem) in try reader.text(value, path + ".short") },
                    isReversed: reverse,
                    allowsNotAnswered: try item["notAnswered"].map { value throws(InstrumentDefinitionProblem) in
                        try reader.boolean(value, path + ".notAnswered")
                    } ?? false,
                    area: try item["area"].map { value throws(InstrumentDefinitionProblem) in try reader.identifier(value, path + ".area")
                    },
                    asksGender: asksGender
                )
            )
        }

        var subscales: [Subscale] = []
        for (index, value) in try reader.optionalArray(object["subscales"], "subscales").enumerated() {
            let subscale = try reader.subscale(value, "subscales[\(index)]", items: items)
            if subscales.contains(where: { $0.id == subscale.id }) {
                throw reader.problem("subscales[\(index)].id", .duplicate(subscale.id))
            }
            subscales.append(subscale)
        }
        let total = try object["total"].map { value throws(InstrumentDefinitionProblem) in try reader.subscale(value, "total", items: items)
        }
        self.init(id: id, version: version, title: title, description: description, items: items, subscales: subscales, total: total)
        isAnonymous = try reader.flag(object["anonymous"], "anonymous")
        isReadOnly = try reader.flag(object["readOnly"], "readOnly")
        showsSupportContact = try reader.flag(object["supportContact"], "supportContact")
        if let value = object["nationalDelivery"] {
            let text = try reader.string(value, "nationalDelivery")
            guard let delivery = NationalDelivery(rawValue: text), delivery.isSurvey, isAnonymous else {
                throw reader.problem("nationalDelivery", .notASurveyDelivery(text))
            }
            nationalDelivery = delivery
        }
        shareLabel = try object["shareLabel"].map { value throws(InstrumentDefinitionProblem) in try reader.text(value, "shareLabel") }
        for (index, value) in try reader.optionalArray(object["goals"], "goals").enumerated() {
            let path = "goals[\(index)]"
            let goal = try reader.object(value, path)
            var itemIDs: [String] = []
            for (position, entry) in try reader.array(goal["items"], path + ".items").enumerated() {
                let itemID = try reader.string(entry, "\(path).items[\(position)]")
                guard let item = items.first(where: { $0.id == itemID }) else {
                    throw reader.problem("\(path).items[\(position)]", .unknownItem(itemID))
                }
                guard item.scale.choices.contains(where: \.isPositive) else {
                    throw reader.problem("\(path).items[\(position)]", .noPositiveChoice)
                }
                itemIDs.append(itemID)
            }
            if itemIDs.isEmpty { throw reader.problem(path + ".items", .emptyList) }
            let share = try reader.number(goal["positiveShare"], path + ".positiveShare")
            guard (0...1).contains(share) else { throw reader.problem(path + ".positiveShare", .shareOutOfRange) }
            shareGoals.append(ShareGoal(itemIDs: itemIDs, share: share))
        }
        followedByOccasion = try reader.flag(object["byOccasion"], "byOccasion")
        if let value = object["improvedAtLeast"] {
            let least = try reader.integer(value, "improvedAtLeast")
            let indicators = indicatorSet?.indicators.count ?? 0
            guard (1...max(1, indicators)).contains(least), indicators > 0 else {
                throw reader.problem("improvedAtLeast", .improvedOutOfRange(indicators: indicators))
            }
            improvedAtLeast = least
        }
    }
}

/// Walks the parsed JSON, naming the path of whatever is wrong.
private struct DefinitionReader {
    let file: String

    func problem(_ path: String, _ reason: InstrumentDefinitionProblem.Reason) -> InstrumentDefinitionProblem {
        InstrumentDefinitionProblem(file: file, path: path, reason: reason)
    }

    func object(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> [String: Any] {
        guard let value else { throw problem(path, .missing) }
        guard let object = value as? [String: Any] else { throw problem(path, .wrongType(expected: "an object")) }
        return object
    }

    func array(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> [Any] {
        guard let value else { throw problem(path, .missing) }
        guard let array = value as? [Any] else { throw problem(path, .wrongType(expected: "a list")) }
        return array
    }

    func optionalArray(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> [Any] {
        guard let value else { return [] }
        return try array(value, path)
    }

    func string(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> String {
        guard let value else { throw problem(path, .missing) }
        guard let text = value as? String, !text.trimmed.isEmpty else { throw problem(path, .wrongType(expected: "a non-empty text")) }
        return text
    }

    func identifier(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> String {
        let text = try string(value, path)
        guard text.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw problem(path, .badIdentifier(text))
        }
        return text
    }

    func number(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> Double {
        guard let value else { throw problem(path, .missing) }
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else {
            throw problem(path, .wrongType(expected: "a number"))
        }
        return number.doubleValue
    }

    func integer(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> Int {
        let number = try self.number(value, path)
        guard number == number.rounded(), abs(number) < 1_000_000 else { throw problem(path, .wrongType(expected: "a whole number")) }
        return Int(number)
    }

    /// An optional true/false that is false when absent.
    func flag(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> Bool {
        guard let value else { return false }
        return try boolean(value, path)
    }

    func boolean(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> Bool {
        guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else {
            throw problem(path, .wrongType(expected: "true or false"))
        }
        return number.boolValue
    }

    /// `{"sv": "…", "en": "…"}`; Swedish is required.
    func text(_ value: Any?, _ path: String) throws(InstrumentDefinitionProblem) -> LocalizedText {
        let object = try self.object(value, path)
        let swedish = try string(object["sv"], path + ".sv")
        let english = try object["en"].map { value throws(InstrumentDefinitionProblem) in try string(value, path + ".en") } ?? ""
        return LocalizedText(swedish: swedish, english: english)
    }

    func labels(_ value: Any, _ path: String, min: Int, max: Int) throws(InstrumentDefinitionProblem) -> [Int: LocalizedText] {
        var labels: [Int: LocalizedText] = [:]
        for (key, text) in try object(value, path).sorted(by: { $0.key < $1.key }) {
            guard let step = Int(key) else { throw problem("\(path).\(key)", .wrongType(expected: "a step number")) }
            guard (min...max).contains(step) else { throw problem("\(path).\(key)", .labelOutsideScale(step)) }
            labels[step] = try self.text(text, "\(path).\(key)")
        }
        return labels
    }

    func scale(_ value: Any, _ path: String) throws(InstrumentDefinitionProblem) -> ResponseScale {
        let object = try self.object(value, path)
        if let choices = object["choices"] {
            let list = try array(choices, path + ".choices")
            if list.isEmpty { throw problem(path + ".choices", .emptyList) }
            var result: [ResponseScale.Choice] = []
            for (index, choice) in list.enumerated() {
                let choicePath = "\(path).choices[\(index)]"
                let fields = try self.object(choice, choicePath)
                let value = try identifier(fields["value"], choicePath + ".value")
                if result.contains(where: { $0.value == value }) { throw problem(choicePath + ".value", .duplicate(value)) }
                let score = try fields["score"].map { value throws(InstrumentDefinitionProblem) in try number(value, choicePath + ".score")
                }
                result.append(
                    ResponseScale.Choice(
                        value: value,
                        score: score,
                        label: try text(fields["label"], choicePath + ".label"),
                        isPositive: try flag(fields["positive"], choicePath + ".positive"),
                        isOutsideShare: try flag(fields["dontKnow"], choicePath + ".dontKnow"),
                        isMiddle: try flag(fields["middle"], choicePath + ".middle")
                    )
                )
                let added = result[result.count - 1]
                if [added.isPositive, added.isOutsideShare, added.isMiddle].filter({ $0 }).count > 1 {
                    throw problem(choicePath, .choiceInTwoShares)
                }
            }
            return .choice(result)
        }
        let min = try integer(object["min"], path + ".min")
        let max = try integer(object["max"], path + ".max")
        guard min < max else { throw problem(path, .badRange(min: min, max: max)) }
        let labels =
            try object["labels"].map { value throws(InstrumentDefinitionProblem) in
                try self.labels(value, path + ".labels", min: min, max: max)
            } ?? [:]
        return .numeric(min: min, max: max, labels: labels)
    }

    func subscale(_ value: Any, _ path: String, items: [InstrumentItem]) throws(InstrumentDefinitionProblem) -> Subscale {
        let object = try self.object(value, path)
        let id = try identifier(object["id"], path + ".id")
        var itemIDs: [String]
        if let all = object["items"] as? String, all == "all" {
            itemIDs = items.filter { $0.scale.isNumeric || $0.scale.hasScores }.map(\.id)
        } else {
            itemIDs = []
            for (index, entry) in try array(object["items"], path + ".items").enumerated() {
                let itemID = try string(entry, "\(path).items[\(index)]")
                guard items.contains(where: { $0.id == itemID }) else { throw problem("\(path).items[\(index)]", .unknownItem(itemID)) }
                if itemIDs.contains(itemID) { throw problem("\(path).items[\(index)]", .duplicate(itemID)) }
                itemIDs.append(itemID)
            }
        }
        if itemIDs.isEmpty { throw problem(path + ".items", .emptyList) }
        let methodText =
            try object["method"].map { value throws(InstrumentDefinitionProblem) in try string(value, path + ".method") } ?? "sum"
        guard let method = Subscale.Method(rawValue: methodText) else { throw problem(path + ".method", .unknownMethod(methodText)) }
        let minimum =
            try object["minimumAnswered"].map { value throws(InstrumentDefinitionProblem) in try integer(value, path + ".minimumAnswered") }
            ?? itemIDs.count
        guard minimum <= itemIDs.count else { throw problem(path + ".minimumAnswered", .minimumAnsweredTooHigh(items: itemIDs.count)) }
        var thresholds: [Subscale.Threshold] = []
        for (index, entry) in try optionalArray(object["thresholds"], path + ".thresholds").enumerated() {
            let thresholdPath = "\(path).thresholds[\(index)]"
            let fields = try self.object(entry, thresholdPath)
            let below = try number(fields["below"], thresholdPath + ".below")
            if let last = thresholds.last, below <= last.below { throw problem(thresholdPath + ".below", .thresholdsNotAscending) }
            thresholds.append(Subscale.Threshold(below: below, text: try text(fields["text"], thresholdPath + ".text")))
        }
        return Subscale(
            id: id,
            title: try text(object["title"], path + ".title"),
            itemIDs: itemIDs,
            method: method,
            minimumAnswered: max(1, minimum),
            thresholds: thresholds,
            otherwise: try object["otherwise"].map { value throws(InstrumentDefinitionProblem) in try text(value, path + ".otherwise") }
        )
    }
}

extension ResponseScale {
    var isNumeric: Bool { if case .numeric = self { true } else { false } }
    var hasScores: Bool { if case .choice(let choices) = self { choices.contains { $0.score != nil } } else { false } }
}
