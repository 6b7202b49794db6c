import Foundation
import FramstegCore
import SQLKit

/// A signed-in session as stored: keyed by a hash of the cookie token, never the token itself.
public struct SessionRecord: Sendable, Equatable {
    public let tokenHash: String
    public let userID: UserID
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date
    /// Set while the device is handed to a participant: only participant mode answers then.
    public var handover: Handover?
}

/// A session handed over to the participant for one measurement or anonymous survey, until the
/// counsellor takes the device back with a PIN chosen at hand-over (kept only as a hash) or their password.
public struct Handover: Sendable, Equatable {
    /// What the participant answers.
    public enum Target: Sendable, Equatable {
        case measurement(MeasurementID)
        case survey(SurveyOfferID)
    }

    public let target: Target
    public let pinHash: String?
    /// The language the participant answers in, which may differ from the counsellor's.
    public let language: Language
    /// Wrong PINs or passwords so far; too many end the session.
    public let failures: Int

    public var measurementID: MeasurementID? { target.measurementID }
    public var surveyOfferID: SurveyOfferID? { target.surveyOfferID }

    public init(target: Target, pinHash: String?, language: Language, failures: Int) {
        self.target = target
        self.pinHash = pinHash
        self.language = language
        self.failures = failures
    }
}

/// Sessions live in the database so several app nodes can share them and disabling a user ends them all.
public struct SessionRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func create(tokenHash: String, userID: UserID, csrfToken: String, now: Date) async throws {
        try await db.insert(into: "sessions").columns("token_hash", "user_id", "csrf_token", "created_at", "last_seen_at")
            .values(
                SQLBind(tokenHash),
                SQLBind(userID.rawValue),
                SQLBind(csrfToken),
                SQLBind(now.storedSeconds),
                SQLBind(now.storedSeconds)
            )
            .run()
    }

    public func session(tokenHash: String) async throws -> SessionRecord? {
        guard
            let row = try await db.select().columns("token_hash", "user_id", "csrf_token", "created_at", "last_seen_at")
                .columns(
                    "handover_measurement_id",
                    "handover_survey_offer_id",
                    "handover_pin_hash",
                    "handover_language",
                    "handover_failures"
                )
                .from("sessions").where("token_hash", .equal, tokenHash).first()
        else { return nil }
        var handover: Handover?
        let target: Handover.Target? =
            if let measurement = try row.decode(column: "handover_measurement_id", as: Int64?.self) {
                .measurement(MeasurementID(measurement))
            } else if let offer = try row.decode(column: "handover_survey_offer_id", as: Int64?.self) {
                .survey(SurveyOfferID(offer))
            } else { nil }
        if let target {
            handover = Handover(
                target: target,
                pinHash: try row.decode(column: "handover_pin_hash", as: String?.self),
                language: Language(rawValue: try row.decode(column: "handover_language", as: String?.self) ?? "") ?? .swedish,
                failures: try row.decode(column: "handover_failures", as: Int.self)
            )
        }
        return SessionRecord(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            userID: try row.id("user_id"),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try row.date("created_at"),
            lastSeenAt: try row.date("last_seen_at"),
            handover: handover
        )
    }

    /// Hands the session to the participant for one measurement or survey.
    public func handOver(tokenHash: String, _ target: Handover.Target, pinHash: String?, language: Language) async throws {
        try await db.update("sessions")
            .set("handover_measurement_id", to: SQLBind(target.measurementID?.rawValue)).set(
                "handover_survey_offer_id",
                to: SQLBind(target.surveyOfferID?.rawValue)
            )
            .set("handover_pin_hash", to: SQLBind(pinHash))
            .set("handover_language", to: language.rawValue).set("handover_failures", to: 0).where("token_hash", .equal, tokenHash).run()
    }

    /// The counsellor has the device again.
    public func takeBack(tokenHash: String) async throws {
        try await db.update("sessions").set("handover_measurement_id", to: SQLLiteral.null).set(
            "handover_survey_offer_id",
            to: SQLLiteral.null
        )
        .set("handover_pin_hash", to: SQLLiteral.null)
        .set("handover_language", to: SQLLiteral.null).set("handover_failures", to: 0).where("token_hash", .equal, tokenHash).run()
    }

    /// Gives the session a new token: the old cookie no longer opens it (hand-over and take-back do
    /// this, so that nothing the browser kept under the old one is used again).
    public func rotate(tokenHash: String, to newTokenHash: String) async throws {
        try await db.update("sessions").set("token_hash", to: newTokenHash).where("token_hash", .equal, tokenHash).run()
    }

    public func recordHandoverFailure(tokenHash: String) async throws {
        try await db.update("sessions").set("handover_failures", to: SQLRaw("handover_failures + 1")).where("token_hash", .equal, tokenHash)
            .run()
    }

    public func touch(tokenHash: String, now: Date) async throws {
        try await db.update("sessions").set("last_seen_at", to: now.storedSeconds).where("token_hash", .equal, tokenHash).run()
    }

    public func delete(tokenHash: String) async throws {
        try await db.delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
    }

    /// Ends every session of a user: on disabling, on a password reset.
    public func deleteAll(of userID: UserID) async throws {
        try await db.delete(from: "sessions").where("user_id", .equal, userID.rawValue).run()
    }

    /// Ends every session of the user but the one with this token hash (the one in use).
    public func deleteAll(of userID: UserID, except tokenHash: String?) async throws {
        guard let tokenHash else { return try await deleteAll(of: userID) }
        try await db.delete(from: "sessions").where("user_id", .equal, userID.rawValue).where("token_hash", .notEqual, tokenHash).run()
    }

    public func count(of userID: UserID) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
            .where("user_id", .equal, userID.rawValue).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Removes sessions past their idle or absolute limit.
    public func deleteExpired(lifetime: SessionLifetime, now: Date) async throws {
        try await db.delete(from: "sessions")
            .where("last_seen_at", .lessThanOrEqual, now.addingTimeInterval(-lifetime.idleTimeout).storedSeconds)
            .orWhere("created_at", .lessThanOrEqual, now.addingTimeInterval(-lifetime.absoluteTimeout).storedSeconds)
            .run()
    }
}

extension Handover.Target {
    public var measurementID: MeasurementID? { if case .measurement(let id) = self { id } else { nil } }
    public var surveyOfferID: SurveyOfferID? { if case .survey(let id) = self { id } else { nil } }
}
