import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import FramstegWeb

/// `framsteg import participants FILE --unit …`: existing participants from a spreadsheet.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import existing data from files.",
        subcommands: [ImportParticipants.self]
    )
}

struct ImportParticipants: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants",
        abstract: "Import participants from a CSV file (semicolon or comma separated, UTF-8).",
        discussion: """
            Columns (Swedish or English names, any order): personnummer, namn, kön (kvinna/man/annat), kommun,
            remittent (af/fk/region/socialtjänsten/egen/annan); optional: telefon, epost, remittentens namn,
            myndigheter (comma separated), registrerad (YYYY-MM-DD), startdatum (YYYY-MM-DD: the person has started).
            Every row is checked first and the report names row, column and reason. Nothing is written unless
            every row is valid, or with --only-valid, only the valid rows.
            """
    )

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The unit to import into: its id or its exact name.") var unit: String
    @Flag(help: "Check and report only; write nothing.") var dryRun = false
    @Flag(help: "Write the valid rows even when other rows have problems.") var onlyValid = false
    @Option(help: "Language of the report: sv or en.") var language = "sv"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var keys: KeyOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: "cannot read \(file)") }
        // Excel on Windows may save as Windows-1252; anything else that is not UTF-8 is refused.
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw CommandFailure(message: "\(file) is not a text file in UTF-8")
        }
        let language: Language = self.language == "en" ? .english : .swedish
        let keyring = try keys.keyring()
        let (dryRun, onlyValid, unitArgument) = (self.dryRun, self.onlyValid, self.unit)
        let outcome: Int32 = try await database.withStore(logger: .framsteg(), auditKey: keyring.auditKey) { store in
            // The check reads names (the rule compares with who is under way), which older versions left in the clear.
            try await PlaintextSealing(keyring: keyring).run(store)
            let importer = ParticipantImporter(store: store, keyring: keyring)
            let unit = try await Self.unit(unitArgument, in: importer)
            let today = Day(Date())
            let (valid, badRows) = try await Self.check(text, into: unit, today: today, importer: importer, language: language)
            if dryRun {
                print(language == .swedish ? "Provkörning: inget sparades." : "Dry run: nothing was written.")
                return badRows == 0 ? 0 : 1
            }
            if badRows > 0, !onlyValid {
                Self.printNothingImported(language)
                return 1
            }
            let writing = ProgressBar(label: language == .swedish ? "Importerar" : "Importing")
            let written: Int
            do {
                written = try await importer.write(valid, into: unit, today: today, now: Date()) { writing.update($0, of: $1) }
            } catch let conflict as ParticipantImporter.AlreadyUnderWay {
                // Registered by someone else since the check: the rule refuses the row, and the file stays whole.
                Self.printProblem(Self.alreadyUnderWay(conflict), language)
                Self.printNothingImported(language)
                return 1
            }
            print(
                language == .swedish
                    ? "\(written) deltagare importerades till \(unit.name)." : "\(written) participants imported into \(unit.name)."
            )
            return 0
        }
        if outcome != 0 { throw ExitCode(outcome) }
    }

    /// The one unit named by its id or exact name.
    static func unit(_ argument: String, in importer: ParticipantImporter) async throws -> OrganisationUnit {
        let target = try await importer.units(named: argument)
        guard target.count == 1, let unit = target.first else {
            throw CommandFailure(message: target.isEmpty ? "no unit \(argument)" : "several units are named \(argument); give its id")
        }
        return unit
    }

    /// Checks every row, prints the report, and returns the rows that may be written and how many may not.
    static func check(
        _ text: String,
        into unit: OrganisationUnit,
        today: Day,
        importer: ParticipantImporter,
        language: Language
    ) async throws -> (valid: [ParticipantImport.ValidRow], badRows: Int) {
        let municipalities = try await importer.municipalities(of: unit)
        let checking = ProgressBar(label: language == .swedish ? "Kontrollerar" : "Checking")
        let result: ParticipantImport.Result
        do {
            result = try ParticipantImport.check(text, municipalities: municipalities, today: today) { checking.update($0, of: $1) }
        } catch {
            // `check` throws only a `FileProblem`.
            throw CommandFailure(message: describe(error, language))
        }
        let taken = try await importer.alreadyRegistered(result.valid, in: unit, column: numberColumn)
        let takenLines = Set(taken.map(\.line))
        let problems = (result.problems + taken).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        let valid = result.valid.filter { !takenLines.contains($0.line) }
        for problem in problems { printProblem(problem, language) }
        let badRows = Set(problems.map(\.line)).count
        print(
            language == .swedish
                ? "\(result.rowCount) rader: \(valid.count) giltiga, \(badRows) med fel."
                : "\(result.rowCount) rows: \(valid.count) valid, \(badRows) with problems."
        )
        return (valid, badRows)
    }

    /// The column of the personal identity number, as the report names it.
    static let numberColumn = ParticipantImport.columns[0].names[0]

    static func alreadyUnderWay(_ conflict: ParticipantImporter.AlreadyUnderWay) -> ParticipantImport.RowProblem {
        ParticipantImport.RowProblem(line: conflict.line, field: "personalIdentityNumber", column: numberColumn, problem: .alreadyTaken)
    }

    static func printProblem(_ problem: ParticipantImport.RowProblem, _ language: Language) {
        let message = problem.problem.message(language, field: problem.field)
        print(
            language == .swedish
                ? "Rad \(problem.line), kolumn \"\(problem.column)\": \(message)"
                : "Row \(problem.line), column \"\(problem.column)\": \(message)"
        )
    }

    static func printNothingImported(_ language: Language) {
        print(
            language == .swedish
                ? "Inget importerades. Rätta raderna ovan, eller kör med --only-valid för att importera de giltiga."
                : "Nothing was imported. Correct the rows above, or run with --only-valid to import the valid ones."
        )
    }

    static func describe(_ error: ParticipantImport.FileProblem, _ language: Language) -> String {
        let swedish = language == .swedish
        switch error {
        case .csv(.empty): return swedish ? "Filen är tom." : "The file is empty."
        case .csv(.unterminatedQuote(let line)):
            return swedish
                ? "Filen kan inte läsas: ett citattecken som börjar på rad \(line) avslutas aldrig."
                : "The file cannot be read: a quote that begins on line \(line) is never closed."
        case .missingColumns(let names):
            return (swedish ? "Kolumner saknas: " : "Columns missing: ") + names.joined(separator: ", ")
        case .unknownColumns(let names):
            return (swedish ? "Okända kolumner: " : "Unknown columns: ") + names.joined(separator: ", ")
                + (swedish ? ". Tillåtna: " : ". Allowed: ") + ParticipantImport.columns.map { $0.names[0] }.joined(separator: ", ")
        }
    }
}

/// A progress bar on standard error, redrawn in place at each whole percent.
final class ProgressBar: @unchecked Sendable {
    let label: String
    private var lastPercent = -1
    private let lock = NSLock()

    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        guard total > 0 else { return }
        let percent = done * 100 / total
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% (\(done)/\(total))\(done == total ? "\n" : "")".utf8))
    }
}
