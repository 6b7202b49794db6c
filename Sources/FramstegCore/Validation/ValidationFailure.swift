/// One thing wrong with one field of a form, in terms the web layer turns into a sentence.
public enum FieldProblem: Hashable, Sendable {
    case required
    case tooLong(maximum: Int)
    case notAWholeNumber
    case outOfRange(minimum: Int, maximum: Int)
    case invalidEmail
    case alreadyTaken
    case unknownChoice
    case noUnitChosen
    case password(PasswordProblem)
    case passwordsDiffer
    case personalIdentityNumber(PersonalIdentityNumber.Problem)
    case consentRequired
    case invalidDay
    case journey(JourneyProblem)
    /// A date before the day something began (the registration, the start).
    case beforeStart(Day)
    /// More than a year ahead.
    case tooFarAhead
    case endBeforeStart
    case invalidWeek
    case notANumber
    case hoursOutOfRange(minimum: Double, maximum: Double)
    /// Only possible while the participant is enrolled (introduction or a block).
    case notEnrolled
    case interventionAlreadyEnded
    /// Taking back the end of an intervention that has none.
    case interventionNotEnded
    /// A change to an intervention already withdrawn.
    case interventionWithdrawn
    /// "Not met" on an eligibility criterion without the note that says why.
    case eligibilityNoteRequired
    /// In an import: the same person appears on an earlier line of the file.
    case duplicateInFile(line: Int)
    /// In an import: the row has a different number of fields than the header.
    case columnCount(expected: Int, found: Int)
    /// An item of a measurement screen was left without an answer.
    case answerMissing
    /// The PIN chosen at hand-over must be 4–8 digits.
    case invalidPIN
    /// Taking the device back: neither the PIN nor the counsellor's password.
    case wrongPINOrPassword
    /// An uploaded instrument definition was refused.
    case definition(InstrumentDefinitionProblem)
    /// That instrument id and version exists already (versions are never edited, only added).
    case versionExists(id: String, version: Int)
    /// Not a month as YYYY-MM.
    case invalidMonth
    /// Not one of the quarters offered (YYYY-Qn).
    case invalidQuarter
    /// A search that is neither a personal identity number nor has a word of two letters.
    case searchTooShort
    /// Handing a participant over to the counsellor who is already responsible.
    case alreadyResponsible
    /// The journey has ended: the participant is not handed over any more.
    case handOverEnded
    /// An anonymous instrument may not lose its anonymity in a new version.
    case anonymityLocked(id: String)
    /// An anonymous survey's half-answered draft is kept in one cookie of the participant's
    /// browser: this one's could grow to `length` bytes, more than `maximum`.
    case surveyDraftTooLarge(id: String, length: Int, maximum: Int)
    /// The eligibility checklist is closed once the journey has started (or ended).
    case eligibilityClosed
    /// A read-only instrument's questions may not be reworded (nor the instrument unlocked).
    case wordingLocked(id: String, item: String?)
    /// An admin may not change their own units or access: another admin must.
    case ownAccess
    /// The current password, asked before it is changed, was not the user's.
    case wrongPassword
    /// A one-time code (or recovery code) that is not the account's now, or was used already.
    case wrongCode
    /// Too many wrong passwords or codes in a row: the next try must wait.
    case tooManyAttempts
    /// An identity provider's issuer must be an https:// address without query or fragment.
    case invalidIssuer
    /// The issuer gave no usable discovery document (`/.well-known/openid-configuration`).
    case providerUnreachable
    /// Nobody in the register has this personal identity number (or other key typed).
    case notFound
    /// A protected person's contact details may be changed only by their responsible counsellor.
    case contactProtected
    /// Someone else changed the same thing at the same moment; what they did stands.
    case changedMeanwhile
    /// Not a time of day as "HH:MM".
    case invalidTime
    /// A meeting planned for a day that has passed.
    case inThePast
    /// A meeting recorded as held on a day still to come.
    case inTheFuture
    /// The meeting has already been held or cancelled, so it can no longer be moved, held or cancelled.
    case meetingNotPlanned
    /// Only a held meeting can be withdrawn as recorded by mistake.
    case meetingNotHeld
    /// A change that changes nothing.
    case unchanged
    /// The registration is not a step that can be taken back.
    case stepNotWithdrawable
    /// A step is taken back within this many days of being recorded.
    case withdrawalWindowPassed(days: Int)
    /// An ended journey is reopened by the responsible counsellor.
    case onlyResponsibleReopens
    /// An age range whose highest age is below its lowest.
    case emptyAgeRange
    /// A criterion that answers were given under is retired, not removed.
    case criterionInUse(answers: Int)
    /// Something that can be recorded only from a day still to come (a follow-up after the exit).
    case availableFrom(Day)
    /// Only after the journey has ended in an exit.
    case notExited
}

/// All problems found in a submitted form, keyed by field name; thrown as one error.
public struct ValidationFailure: Error, Equatable, Sendable {
    public private(set) var problems: [String: FieldProblem]

    public init(problems: [String: FieldProblem] = [:]) { self.problems = problems }

    /// Keeps the first problem found for a field: it is the one the user should fix first.
    public mutating func add(_ field: String, _ problem: FieldProblem) {
        if problems[field] == nil { problems[field] = problem }
    }

    /// The whole number typed into `field`, or nil after adding why not: empty, not a whole
    /// number, or outside `range` (the problem names its limits).
    public mutating func wholeNumber(_ text: String, field: String, in range: ClosedRange<Int>) -> Int? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else {
            add(field, .required)
            return nil
        }
        guard let value = Int(trimmed) else {
            add(field, .notAWholeNumber)
            return nil
        }
        guard range.contains(value) else {
            add(field, .outOfRange(minimum: range.lowerBound, maximum: range.upperBound))
            return nil
        }
        return value
    }

    public var isEmpty: Bool { problems.isEmpty }

    public func throwIfAny() throws(ValidationFailure) {
        if !problems.isEmpty { throw self }
    }
}

extension String {
    /// The string without leading and trailing white space.
    public var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
