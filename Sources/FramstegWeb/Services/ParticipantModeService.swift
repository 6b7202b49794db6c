import Foundation
import FramstegCore
import FramstegStore

/// Handing the counsellor's signed-in device to the participant, for a measurement or an anonymous
/// survey, and taking it back with the PIN chosen at hand-over or the counsellor's password.
struct ParticipantModeService {
    let store: Store
    let passwords: Passwords
    let now: @Sendable () -> Date

    /// Wrong PINs or passwords before participant mode ends the session outright.
    static let maximumTakeBackFailures = 5

    /// The PIN is optional: without one, the counsellor takes the device back with their password.
    func handOver(
        _ target: Handover.Target,
        of participant: ParticipantID,
        pin: String,
        language: String,
        session: ActiveSession,
        by principal: Principal
    ) async throws {
        let pin = pin.trimmed
        if !pin.isEmpty, !(4...8).contains(pin.count) || !pin.allSatisfy(\.isASCII) || !pin.allSatisfy(\.isNumber) {
            throw ValidationFailure(problems: ["pin": .invalidPIN])
        }
        let language = Language(rawValue: language) ?? session.user.language ?? .swedish
        let pinHash = pin.isEmpty ? nil : try await passwords.hash(pin)
        let now = self.now()
        try await store.write { db in
            try await SessionRepository(db).handOver(tokenHash: session.record.tokenHash, target, pinHash: pinHash, language: language)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: Self.handOverAction(target),
                    objectType: "participant",
                    objectID: participant.description
                )
            )
        }
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

    enum TakeBack { case returned, refused, signedOut }

    /// The counsellor takes the device back with the PIN or their password. Too many wrong tries
    /// end the session: whoever holds the device must then sign in properly.
    func takeBack(secret: String, session: ActiveSession, by principal: Principal) async throws -> TakeBack {
        guard let handover = session.record.handover else { return .returned }
        var matches = false
        if let pinHash = handover.pinHash, !secret.isEmpty { matches = try await passwords.verify(secret, hash: pinHash) }
        if !matches, !secret.isEmpty {
            let stored = try await store.read { db in try await UserRepository(db).credentials(email: session.user.email) }
            if let stored { matches = try await passwords.verify(secret, hash: stored.passwordHash) }
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
                try await sessions.takeBack(tokenHash: tokenHash)
                try await AuditLog(db).append(
                    AuditEntry(at: now, by: principal, action: action, objectType: objectType, objectID: objectID)
                )
                return .returned
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
