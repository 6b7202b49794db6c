import Foundation
import FramstegCore
import FramstegStore

/// Handing the counsellor's signed-in device to the participant, for a measurement or an anonymous
/// survey, and taking it back with the PIN chosen at hand-over or the counsellor's password (and,
/// when their account has a second factor, its code: the session was opened with both).
struct ParticipantModeService {
    let store: Store
    let passwords: Passwords
    let secondFactor: SecondFactorService
    let now: @Sendable () -> Date

    /// Wrong PINs or passwords before participant mode ends the session outright.
    static let maximumTakeBackFailures = 5

    /// The PIN is optional: without one, the counsellor takes the device back with their password.
    /// Returns the session's new token: the cookie is replaced, so the browser treats every page it
    /// kept from before (its back/forward cache) as stale and asks the server, which answers with
    /// participant mode.
    @discardableResult
    func handOver(
        _ target: Handover.Target,
        of participant: ParticipantID,
        pin: String,
        language: String,
        session: ActiveSession,
        by principal: Principal
    ) async throws -> String {
        let pin = pin.trimmed
        if !pin.isEmpty, !(4...8).contains(pin.count) || !pin.allSatisfy(\.isASCII) || !pin.allSatisfy(\.isNumber) {
            throw ValidationFailure(problems: ["pin": .invalidPIN])
        }
        let language = Language(rawValue: language) ?? session.user.language ?? .swedish
        let pinHash = pin.isEmpty ? nil : try await passwords.hash(pin)
        let now = self.now()
        let token = Tokens.random()
        try await store.write { db in
            let sessions = SessionRepository(db)
            try await sessions.handOver(tokenHash: session.record.tokenHash, target, pinHash: pinHash, language: language)
            try await sessions.rotate(tokenHash: session.record.tokenHash, to: Tokens.hash(token))
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: Self.handOverAction(target),
                    objectType: "participant",
                    objectID: participant.description,
                    unitID: try await OrganisationRepository(db).unit(ofParticipant: participant)
                )
            )
        }
        return token
    }

    static func handOverAction(_ target: Handover.Target) -> AuditAction {
        switch target {
        case .measurement: .measurementHandOver
        case .survey: .surveyHandOver
        }
    }

    static func takeBackAction(_ target: Handover.Target) -> AuditAction {
        switch target {
        case .measurement: .measurementTakeBack
        case .survey: .surveyTakeBack
        }
    }

    enum TakeBack {
        /// The counsellor has the device again, under a new session token.
        case returned(token: String)
        case refused
        case signedOut
    }

    /// The counsellor takes the device back with the PIN or their password; with the password, an
    /// account that has a second factor also gives a code of it (`code`). Too many wrong tries end
    /// the session: whoever holds the device must then sign in properly. Either way the session's
    /// token changes or ends, so a half-answered survey's draft no longer opens (the page also
    /// clears its cookie): nobody but the participant, in that one sitting, sees what they answered.
    func takeBack(secret: String, code: String = "", session: ActiveSession, by principal: Principal) async throws -> TakeBack {
        guard let handover = session.record.handover else { return .returned(token: "") }
        var matches = false
        if let pinHash = handover.pinHash, !secret.isEmpty { matches = try await passwords.verify(secret, hash: pinHash) }
        if !matches, !secret.isEmpty {
            let stored = try await store.read { db in try await UserRepository(db).passwordHash(of: session.user.id) }
            if let stored { matches = try await passwords.verify(secret, hash: stored) }
            if matches { matches = try await secondFactor.confirms(code, of: session.user) }
        }
        let now = self.now()
        let tokenHash = session.record.tokenHash
        let matched = matches
        let action = Self.takeBackAction(handover.target)
        let (objectType, objectID): (String, String) =
            switch handover.target {
            case .measurement(let id): ("measurement", id.description)
            case .survey(let id): ("survey-offer", id.description)
            }
        return try await store.write { db in
            let sessions = SessionRepository(db)
            if matched {
                let token = Tokens.random()
                try await sessions.takeBack(tokenHash: tokenHash)
                try await sessions.rotate(tokenHash: tokenHash, to: Tokens.hash(token))
                try await AuditLog(db).append(
                    AuditEntry(at: now, by: principal, action: action, objectType: objectType, objectID: objectID)
                )
                return .returned(token: token)
            }
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: action, objectType: objectType, objectID: objectID, result: .denied)
            )
            if handover.failures + 1 >= Self.maximumTakeBackFailures {
                try await sessions.delete(tokenHash: tokenHash)
                return .signedOut
            }
            try await sessions.recordHandoverFailure(tokenHash: tokenHash)
            return .refused
        }
    }
}
