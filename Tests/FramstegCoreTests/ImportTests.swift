import FramstegCore
import Testing

@Suite("CSV and the participant import check")
struct ImportTests {
    @Test("CSV: semicolons or commas, quoted fields with delimiters, quotes and line breaks, CRLF, a BOM")
    func csv() throws {
        let text = "\u{FEFF}namn;anteckning\r\n\"Lind; Sara\";\"sa \"\"hej\"\"\"\r\n\r\nBo;\"två\nrader\"\nEva;\n"
        let records = try CSV.parse(text)
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].fields == ["Lind; Sara", #"sa "hej""#])
        #expect(records[2].fields == ["Bo", "två\nrader"])
        #expect(records[3].fields == ["Eva", ""])
        #expect(try CSV.parse("a,b\n1,\"2,3\"").last?.fields == ["1", "2,3"])
        #expect(throws: CSV.Problem.unterminatedQuote(line: 2)) { try CSV.parse("a;b\n\"oops;1\n2;3\n") }
        #expect(throws: CSV.Problem.empty) { try CSV.parse("\n\n") }
    }

    static let municipalities = [
        Municipality(id: MunicipalityID(1), associationID: AssociationID(1), name: "Lerum"),
        Municipality(id: MunicipalityID(2), associationID: AssociationID(1), name: "Alingsås"),
    ]
    static let today = Day("2026-11-23")!

    @Test("each bad row is named by line, column (as the file names it) and reason; good rows come through")
    func rows() throws {
        let file = """
            Personnummer;Namn;Kön;Kommun;Remittent;Telefon;Myndigheter;Registrerad;Startdatum
            19900101-0017;Nils Ny;man;lerum;Arbetsförmedlingen;070-1;af, fk;2026-10-01;2026-10-10
            19900101-0018;Fel Siffra;kvinna;Lerum;fk;070-2;;;
            19811218-9876;Sara Lind;robot;Okänd;egen;070-3;nasa;;
            20000229-0005;Lena Ek;kvinna;Alingsås;region;070-4;;2026-09-01;2026-08-01
            19900101-0017;Nils Igen;man;Lerum;af;070-1;;;
            19820101-0009;Kort rad;kvinna;Lerum
            """
        var progress: [Int] = []
        let result = try ParticipantImport.check(file, municipalities: Self.municipalities, today: Self.today) { done, _ in
            progress.append(done)
        }
        #expect(result.rowCount == 6)
        #expect(progress == [1, 2, 3, 4, 5, 6])
        #expect(result.valid.map(\.line) == [2])
        let nils = try #require(result.valid.first)
        #expect(nils.participant.authorities == [.employmentService, .socialInsurance])
        #expect(nils.participant.municipalityID == MunicipalityID(1))
        #expect(nils.registeredOn == Day("2026-10-01"))
        #expect(nils.startedOn == Day("2026-10-10"))
        let problems = result.problems.map { "\($0.line) \($0.column)" }
        #expect(
            problems == [
                "3 Personnummer", "4 Kön", "4 Kommun", "4 Myndigheter", "5 Startdatum", "6 Personnummer", "7 *", "7 Telefon", "7 Remittent",
            ]
        )
        #expect(result.problems[0].problem == .personalIdentityNumber(.wrongCheckDigit))
        #expect(result.problems[4].problem == .journey(.beforePreviousStep(previous: Day("2026-09-01")!)))
        #expect(result.problems[5].problem == .duplicateInFile(line: 2))
        #expect(result.problems[6].problem == .columnCount(expected: 9, found: 4))
    }

    @Test("a file with unknown or missing columns, or that is not CSV, is refused as a whole")
    func malformedFiles() {
        #expect(throws: ParticipantImport.FileProblem.unknownColumns(["skostorlek"])) {
            try ParticipantImport.check(
                "personnummer;namn;kön;kommun;remittent;skostorlek\n",
                municipalities: Self.municipalities,
                today: Self.today
            )
        }
        #expect(throws: ParticipantImport.FileProblem.missingColumns(["kön", "kommun", "remittent"])) {
            try ParticipantImport.check("personnummer;namn\n19900101-0017;Nils\n", municipalities: Self.municipalities, today: Self.today)
        }
        #expect(throws: ParticipantImport.FileProblem.csv(.unterminatedQuote(line: 2))) {
            try ParticipantImport.check(
                "personnummer;namn;kön;kommun;remittent\n\"19900101-0017;Nils\n",
                municipalities: Self.municipalities,
                today: Self.today
            )
        }
    }
}
