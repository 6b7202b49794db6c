import Foundation
import FramstegCore
import FramstegStore
import Hummingbird
import NIOCore

/// The JSON API for participants and their journey, authorised exactly like the pages: the same
/// actions, the same policy, the same services, the same audit rows. Signed in with the session
/// cookie; changes echo the session's CSRF token in `X-CSRF-Token` (from `GET /api/session`).
struct ParticipantAPI {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/api/openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json))
            )
        }
        routes.get("/api/session", .useOwnAccount, .ownAccount) { _, context, principal, _ in
            try JSON.response(
                API.Session(
                    userId: principal.userID.rawValue,
                    name: context.session?.user.name ?? "",
                    role: principal.role.rawValue,
                    unitIds: principal.unitIDs.map(\.rawValue).sorted(),
                    csrfToken: context.csrfToken
                )
            )
        }
        routes.get("/api/units/:unit/participants", .viewUnit, .unit) { _, _, principal, unit in
            try JSON.response(try await site.services.record.participants(inUnit: unit, by: principal).map(API.ParticipantSummary.init))
        }
        routes.post("/api/units/:unit/participants", .registerParticipant, .unit) { request, context, principal, unit in
            let body = try await JSON.decode(API.NewParticipant.self, request, context)
            return try await JSON.validating(context) {
                let id = try await site.services.participants.register(body.draft, in: unit, by: principal)
                return try await summary(id, status: .created)
            }
        }
        routes.get("/api/participants/:participant", .readParticipant, .participant) { request, context, principal, record in
            let steps = try await site.services.record.steps(of: record.participant, by: principal)
            return try JSON.response(API.Participant(record.participant, steps: steps))
        }
        routes.patch("/api/participants/:participant", .changeParticipant, .participant) { request, context, principal, record in
            let participant = record.participant
            let body = try await JSON.decode(API.ContactUpdate.self, request, context)
            return try await JSON.validating(context) {
                try await site.services.participants.updateContact(
                    ContactChange(name: body.name, phone: body.phone, email: body.email, referrerName: body.referrerName),
                    of: participant,
                    by: principal
                )
                return try await summary(participant.id)
            }
        }
        routes.post("/api/participants/:participant/transitions", .changeParticipant, .participant) { request, context, principal, record in
            let participant = record.participant
            let body = try await JSON.decode(API.NewTransition.self, request, context)
            return try await JSON.validating(context) {
                try await site.services.participants.recordStep(
                    event: body.event,
                    day: body.day,
                    outcome: body.outcome ?? "",
                    reason: body.reason ?? "",
                    of: participant,
                    by: principal
                )
                return try await summary(participant.id, status: .created)
            }
        }
        routes.post("/api/participants/:participant/exit", .changeParticipant, .participant) { request, context, principal, record in
            let participant = record.participant
            let body = try await JSON.decode(API.NewExit.self, request, context)
            return try await JSON.validating(context) {
                try await site.services.participants.recordStep(
                    event: JourneyEventKind.exit.rawValue,
                    day: body.day,
                    outcome: body.outcome,
                    reason: "",
                    of: participant,
                    by: principal
                )
                return try await summary(participant.id, status: .created)
            }
        }
        routes.get("/api/participants/:participant/interventions", .readParticipant, .participant) { request, context, principal, record in
            try JSON.response(
                try await site.services.record.interventions(of: record.participant, by: principal).map(API.Intervention.init)
            )
        }
        routes.post("/api/participants/:participant/interventions", .changeParticipant, .participant) {
            request,
            context,
            principal,
            record in
            let participant = record.participant
            let body = try await JSON.decode(API.NewIntervention.self, request, context)
            return try await JSON.validating(context) {
                let created = try await site.services.activities.addIntervention(body.draft, to: participant, by: principal)
                return try JSON.response(API.Intervention(created), status: .created)
            }
        }
        routes.get("/api/participants/:participant/meetings", .readParticipant, .participant) { request, context, principal, record in
            // Notes are opened: a read of personal data, audited by the service.
            try JSON.response(try await site.services.record.meetings(of: record.participant, by: principal).map(API.Meeting.init))
        }
        routes.post("/api/participants/:participant/meetings", .changeParticipant, .participant) { request, context, principal, record in
            let participant = record.participant
            let body = try await JSON.decode(API.NewMeeting.self, request, context)
            return try await JSON.validating(context) {
                let created = try await site.services.activities.addMeeting(body.draft, to: participant, by: principal)
                return try JSON.response(API.Meeting(created), status: .created)
            }
        }
    }

    /// The participant as lists show them: what a change answers with, nothing sealed opened.
    private func summary(_ id: ParticipantID, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let row = try await site.services.record.summary(id) else { throw WebError.notFound }
        var response = try JSON.response(API.ParticipantSummary(row), status: status)
        if status == .created { response.headers[.location] = "/api/participants/\(id)" }
        return response
    }
}

/// Reading and writing JSON, and refusals in the shape `API.Problem`.
enum JSON {
    static let maximumBody = 256 * 1024

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }

    static func problem(_ status: HTTPResponse.Status, _ code: String, _ message: String, fields: [String: String]? = nil) -> Response {
        (try? response(API.Problem(error: code, message: message, fields: fields), status: status))
            ?? Response(status: status)
    }

    /// The body as `T`; anything that is not such JSON is a 400 naming what is wrong.
    static func decode<T: Decodable>(_: T.Type, _ request: Request, _ context: AppRequestContext) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: maximumBody)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: body))
        } catch let error as DecodingError {
            throw APIProblem.malformed(Self.describe(error))
        } catch {
            throw APIProblem.malformed("")
        }
    }

    /// Runs a change; invalid input becomes 422 with a message per field in the user's language.
    static func validating(_ context: AppRequestContext, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let failure as ValidationFailure {
            return problem(
                .unprocessableContent,
                "invalid",
                Texts.text("formHasErrors", context.language),
                fields: failure.messages(context.language)
            )
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted: "not valid JSON"
        @unknown default: "not valid JSON"
        }
    }
}

/// A request the API cannot read.
enum APIProblem: Error {
    case malformed(String)
}
