import Foundation
import FramstegCore

extension FieldProblem {
    /// The sentence for this problem in a given field: "already taken" reads differently for an
    /// e-mail address and for a person already registered.
    public func message(_ language: Language, field: String) -> String {
        switch (self, field) {
        case (.alreadyTaken, "email"): Texts.text("problemEmailTaken", language)
        case (.alreadyTaken, "personalIdentityNumber"): Texts.text("alreadyRegistered", language)
        default: message(language)
        }
    }

    /// The sentence shown beside the field, in the user's language.
    public func message(_ language: Language) -> String {
        func text(_ key: String) -> String { Texts.text(key, language) }
        switch self {
        case .required: return text("problemRequired")
        case .tooLong(let maximum): return Texts.text("problemTooLong", language, ["n": String(maximum)])
        case .notAWholeNumber: return text("problemNotAWholeNumber")
        case .outOfRange(let minimum, let maximum):
            return Texts.text("problemOutOfRange", language, ["min": String(minimum), "max": String(maximum)])
        case .invalidEmail: return text("problemInvalidEmail")
        case .alreadyTaken: return text("problemNameTaken")
        case .unknownChoice: return text("problemUnknownChoice")
        case .noUnitChosen: return text("problemNoUnitChosen")
        case .password(.tooShort(let minimum)): return Texts.text("problemPasswordTooShort", language, ["n": String(minimum)])
        case .password(.tooLong(let maximum)): return Texts.text("problemPasswordTooLong", language, ["n": String(maximum)])
        case .password(.tooCommon): return text("problemPasswordTooCommon")
        case .passwordsDiffer: return text("problemPasswordsDiffer")
        case .ownAccess: return text("problemOwnAccess")
        case .wrongPassword: return text("problemWrongPassword")
        case .wrongCode: return text("problemWrongCode")
        case .tooManyAttempts: return text("problemTooManyAttempts")
        case .invalidIssuer: return text("problemInvalidIssuer")
        case .providerUnreachable: return text("problemProviderUnreachable")
        case .notFound: return text("problemNotFound")
        case .contactProtected: return text("problemContactProtected")
        case .changedMeanwhile: return text("problemChangedMeanwhile")
        case .invalidTime: return text("problemInvalidTime")
        case .inThePast: return text("problemInThePast")
        case .inTheFuture: return text("problemInTheFuture")
        case .meetingNotPlanned: return text("problemMeetingNotPlanned")
        case .unchanged: return text("problemUnchanged")
        case .meetingNotHeld: return text("problemMeetingNotHeld")
        case .stepNotWithdrawable: return text("problemStepNotWithdrawable")
        case .withdrawalWindowPassed(let days): return Texts.text("problemWithdrawalWindow", language, ["n": String(days)])
        case .onlyResponsibleReopens: return text("problemOnlyResponsibleReopens")
        case .emptyAgeRange: return text("problemEmptyAgeRange")
        case .notExited: return text("problemNotExited")
        case .availableFrom(let day): return Texts.text("problemAvailableFrom", language, ["day": day.description])
        case .criterionInUse(let answers): return Texts.text("problemCriterionInUse", language, ["n": String(answers)])
        case .personalIdentityNumber(.empty): return text("problemRequired")
        case .personalIdentityNumber(.wrongFormat): return text("problemPnrFormat")
        case .personalIdentityNumber(.impossibleDate): return text("problemPnrDate")
        case .personalIdentityNumber(.wrongCheckDigit): return text("problemPnrCheckDigit")
        case .personalIdentityNumber(.inTheFuture): return text("problemPnrFuture")
        case .consentRequired: return text("problemConsent")
        case .invalidDay: return text("problemDay")
        case .journey(let problem): return problem.message(language)
        case .beforeStart(let day): return text("problemBeforeStart").replacingOccurrences(of: "{day}", with: day.description)
        case .tooFarAhead: return text("problemTooFarAhead")
        case .notEnrolled: return text("problemNotActive")
        case .interventionAlreadyEnded: return text("problemAlreadyEnded")
        case .interventionNotEnded: return text("problemInterventionNotEnded")
        case .interventionWithdrawn: return text("problemInterventionWithdrawn")
        case .eligibilityNoteRequired: return text("problemEligibilityNote")
        case .duplicateInFile(let line): return text("problemDuplicateInFile").replacingOccurrences(of: "{line}", with: String(line))
        case .columnCount(let expected, let found):
            return text("problemColumnCount").replacingOccurrences(of: "{expected}", with: String(expected)).replacingOccurrences(
                of: "{found}",
                with: String(found)
            )
        case .answerMissing: return text("problemAnswerMissing")
        case .invalidPIN: return text("problemPIN")
        case .wrongPINOrPassword: return text("problemWrongPIN")
        case .definition(let problem): return text("problemDefinition").replacingOccurrences(of: "{problem}", with: problem.description)
        case .versionExists(let id, let version):
            return text("problemVersionExists").replacingOccurrences(of: "{id}", with: id).replacingOccurrences(
                of: "{version}",
                with: String(version)
            )
        case .invalidMonth: return text("problemMonth")
        case .invalidQuarter: return text("problemQuarter")
        case .searchTooShort: return text("problemSearchTooShort")
        case .alreadyResponsible: return text("problemAlreadyResponsible")
        case .handOverEnded: return text("problemHandOverEnded")
        case .eligibilityClosed: return text("problemEligibilityClosed")
        case .anonymityLocked(let id): return Texts.text("problemAnonymityLocked", language, ["id": id])
        case .surveyDraftTooLarge(let id, let length, let maximum):
            return Texts.text("problemSurveyDraftTooLarge", language, ["id": id, "n": String(length), "max": String(maximum)])
        case .wordingLocked(let id, let item):
            return text(item == nil ? "problemWordingUnlocked" : "problemWordingLocked").replacingOccurrences(of: "{id}", with: id)
                .replacingOccurrences(of: "{item}", with: item ?? "")
        case .endBeforeStart: return text("problemEndBeforeStart")
        case .invalidWeek: return text("problemWeek")
        case .notANumber: return text("problemNotANumber")
        case .hoursOutOfRange(let minimum, let maximum):
            return text("problemHoursRange")
                .replacingOccurrences(of: "{min}", with: ActivityHours.format(minimum, decimalSeparator: language.decimalSeparator))
                .replacingOccurrences(of: "{max}", with: ActivityHours.format(maximum, decimalSeparator: language.decimalSeparator))
        }
    }
}

extension ValidationFailure {
    /// Field name → message, for the template to place beside each field.
    func messages(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: problems.map { field, problem in (field, problem.message(language, field: field)) })
    }
}

extension Role {
    func label(_ language: Language) -> String {
        switch self {
        case .admin: Texts.text("roleAdmin", language)
        case .office: Texts.text("roleOffice", language)
        case .manager: Texts.text("roleManager", language)
        case .counsellor: Texts.text("roleCounsellor", language)
        }
    }
}

extension JourneyProblem {
    public func message(_ language: Language) -> String {
        func text(_ key: String) -> String { Texts.text(key, language) }
        switch self {
        case .notAllowed: return text("problemStepNotAllowed")
        case .alreadyEnded: return text("problemJourneyEnded")
        case .beforePreviousStep(let previous):
            return text("problemBeforePrevious").replacingOccurrences(of: "{day}", with: previous.description)
        case .inTheFuture: return text("problemDayInFuture")
        case .reasonRequired: return text("problemReasonRequired")
        case .eligibilityUnconfirmed(let count):
            return Texts.counted(count, "problemEligibilityUnconfirmed", language)
        }
    }
}

extension JourneyState {
    func label(_ language: Language) -> String {
        switch self {
        case .block(let number): Texts.text("state.block", language, ["n": String(number)])
        default: Texts.text("state." + storageValue, language)
        }
    }
}

extension Language {
    /// `12,5` in Swedish, `12.5` in English.
    var decimalSeparator: String { self == .swedish ? "," : "." }
}

extension Participant {
    /// Who referred the participant, as the record and the printed documents show it: the kind of
    /// referrer, then the name and contact when given.
    func referrerLabel(_ language: Language) -> String {
        ([Texts.text("referrer." + referrerKind.rawValue, language)] + (referrerName.isEmpty ? [] : [referrerName])).joined(separator: ", ")
    }
}
