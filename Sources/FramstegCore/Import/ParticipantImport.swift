/// Importing existing participants from a spreadsheet: columns named in Swedish or English, each
/// row checked as the registration form checks it, every problem named by row, column and reason.
public enum ParticipantImport {
    /// The columns, by the field the form uses; the first name is the one the report uses.
    public static let columns: [(field: String, names: [String], required: Bool)] = [
        ("personalIdentityNumber", ["personnummer", "personalidentitynumber", "pnr"], true),
        ("name", ["namn", "name"], true),
        ("phone", ["telefon", "phone"], false),
        ("email", ["epost", "e-post", "email"], false),
        ("gender", ["kön", "gender"], true),
        ("municipality", ["kommun", "municipality"], true),
        ("referrerKind", ["remittent", "referrer"], true),
        ("referrerName", ["remittentens namn", "referrer name"], false),
        ("authorities", ["myndigheter", "authorities"], false),
        ("registeredOn", ["registrerad", "registered"], false),
        ("startedOn", ["startdatum", "started"], false),
    ]

    /// Spreadsheet words for the coded values, in both languages.
    static let genders: [String: Gender] = [
        "kvinna": .woman, "woman": .woman, "k": .woman, "man": .man, "m": .man,
        "annat": .anotherOrNotStated, "ej angivet": .anotherOrNotStated, "other": .anotherOrNotStated,
    ]
    static let referrers: [String: ReferrerKind] = [
        "af": .employmentService, "arbetsförmedlingen": .employmentService, "fk": .socialInsurance, "försäkringskassan": .socialInsurance,
        "region": .region, "regionen": .region, "socialtjänsten": .socialServices, "social-services": .socialServices,
        "egen": .selfReferral, "egenanmälan": .selfReferral, "self": .selfReferral, "annan": .other, "other": .other,
    ]
    static let authorityNames: [String: Authority] = [
        "af": .employmentService, "arbetsförmedlingen": .employmentService, "fk": .socialInsurance, "försäkringskassan": .socialInsurance,
        "region": .region, "regionen": .region, "socialtjänsten": .socialServices, "social-services": .socialServices,
    ]

    /// One problem: the row (line in the file), the field as the form names it, the column as the
    /// file names it, and why.
    public struct RowProblem: Hashable, Sendable {
        public let line: Int
        public let field: String
        public let column: String
        public let problem: FieldProblem

        public init(line: Int, field: String, column: String, problem: FieldProblem) {
            self.line = line
            self.field = field
            self.column = column
            self.problem = problem
        }
    }

    /// A row that passed every check, ready to register (and to start, when a start day was given).
    public struct ValidRow: Sendable {
        public let line: Int
        public let participant: ParticipantDraft.Valid
        public let registeredOn: Day
        public let startedOn: Day?
    }

    public enum FileProblem: Error, Equatable, Sendable {
        case csv(CSV.Problem)
        case missingColumns([String])
        case unknownColumns([String])
    }

    public struct Result: Sendable {
        public let valid: [ValidRow]
        public let problems: [RowProblem]
        public let rowCount: Int
    }

    /// Checks every row; a file that cannot be read as a whole throws, row problems are returned.
    /// `progress` is told after each row (rows done, rows in all).
    public static func check(
        _ text: String,
        municipalities: [Municipality],
        today: Day,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws(FileProblem) -> Result {
        let records: [(line: Int, fields: [String])]
        do { records = try CSV.parse(text) } catch { throw .csv(error) }
        let header = records[0].fields.map { $0.trimmed.lowercased() }
        var index: [String: Int] = [:]
        var unknown: [String] = []
        for (position, name) in header.enumerated() {
            if let column = columns.first(where: { $0.names.contains(name) }) {
                index[column.field] = position
            } else if !name.isEmpty {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty { throw .unknownColumns(unknown) }
        let missing = columns.filter { $0.required && index[$0.field] == nil }.map { $0.names[0] }
        if !missing.isEmpty { throw .missingColumns(missing) }
        let columnName = Dictionary(
            uniqueKeysWithValues: columns.map { column in
                (column.field, index[column.field].map { records[0].fields[$0].trimmed } ?? column.names[0])
            }
        )

        var valid: [ValidRow] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        let rows = records.dropFirst()
        for (done, record) in rows.enumerated() {
            defer { progress(done + 1, rows.count) }
            func value(_ field: String) -> String {
                guard let position = index[field], position < record.fields.count else { return "" }
                return record.fields[position].trimmed
            }
            var rowProblems: [String: FieldProblem] = [:]
            let genderText = value("gender").lowercased()
            let gender = genders[genderText]
            let referrerText = value("referrerKind").lowercased()
            let referrer = referrers[referrerText]
            let authorityTexts = value("authorities").lowercased().split(whereSeparator: { $0 == "," || $0 == "/" || $0 == "|" })
                .map { String($0).trimmed }.filter { !$0.isEmpty }
            let authorities = authorityTexts.compactMap { authorityNames[$0] }
            if authorities.count != authorityTexts.count { rowProblems["authorities"] = .unknownChoice }
            let municipalityText = value("municipality")
            let municipality = municipalities.first {
                $0.name.lowercased() == municipalityText.lowercased() || $0.id.description == municipalityText
            }
            let draft = ParticipantDraft(
                personalIdentityNumber: value("personalIdentityNumber"),
                name: value("name"),
                phone: value("phone"),
                email: value("email"),
                gender: gender?.rawValue ?? (genderText.isEmpty ? "" : "?"),
                municipalityID: municipality?.id.description ?? (municipalityText.isEmpty ? "" : "?"),
                referrerKind: referrer?.rawValue ?? (referrerText.isEmpty ? "" : "?"),
                referrerName: value("referrerName"),
                authorities: authorities.map(\.rawValue),
                reason: "",
                consent: true
            )
            var participant: ParticipantDraft.Valid?
            do { participant = try draft.validated(municipalities: municipalities, today: today.date) } catch {
                rowProblems.merge(error.problems) { first, _ in first }
            }
            var registeredOn = today
            if !value("registeredOn").isEmpty {
                if let day = Day(value("registeredOn")) {
                    if day > today { rowProblems["registeredOn"] = .journey(.inTheFuture) } else { registeredOn = day }
                } else {
                    rowProblems["registeredOn"] = .invalidDay
                }
            }
            var startedOn: Day?
            if !value("startedOn").isEmpty {
                startedOn = Day(value("startedOn"))
                if startedOn == nil {
                    rowProblems["startedOn"] = .invalidDay
                } else if startedOn! > today {
                    rowProblems["startedOn"] = .journey(.inTheFuture)
                } else if startedOn! < registeredOn {
                    rowProblems["startedOn"] = .journey(.beforePreviousStep(previous: registeredOn))
                }
            }
            if let number = participant?.personalIdentityNumber {
                if let earlier = seen[number.digits] {
                    rowProblems["personalIdentityNumber"] = .duplicateInFile(line: earlier)
                } else {
                    seen[number.digits] = record.line
                }
            }
            if record.fields.count != header.count { rowProblems["*"] = .columnCount(expected: header.count, found: record.fields.count) }
            if rowProblems.isEmpty, let participant {
                valid.append(ValidRow(line: record.line, participant: participant, registeredOn: registeredOn, startedOn: startedOn))
            } else {
                let order = columns.map(\.field)
                for (field, problem) in rowProblems.sorted(by: {
                    (order.firstIndex(of: $0.key) ?? -1) < (order.firstIndex(of: $1.key) ?? -1)
                }) {
                    problems.append(
                        RowProblem(
                            line: record.line,
                            field: field,
                            column: field == "*" ? "*" : columnName[field] ?? field,
                            problem: problem
                        )
                    )
                }
            }
        }
        return Result(valid: valid, problems: problems, rowCount: rows.count)
    }
}
