import Foundation
import FramstegCore

/// The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`. Built from the same
/// enumerations the domain uses, so the allowed values cannot drift from what the server accepts;
/// the API tests check every response against it.
enum OpenAPIDocument {
    static let json: String = {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }()

    typealias Object = [String: Any]

    static func ref(_ name: String) -> Object { ["$ref": "#/components/schemas/\(name)"] }
    static var string: Object { ["type": "string"] }
    static var time: Object { ["type": "string", "pattern": "^([01]?\\d|2[0-3])[:.][0-5]\\d$"] }
    static var day: Object { ["type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"] }
    static var id: Object { ["type": "integer", "format": "int64", "minimum": 1] }
    static func oneOf(_ values: [String]) -> Object { ["type": "string", "enum": values] }
    static func array(_ items: Object) -> Object { ["type": "array", "items": items] }
    static func nullable(_ schema: Object) -> Object { schema.merging(["type": [schema["type"] as! String, "null"]]) { $1 } }
    static func object(_ properties: Object, required: [String]) -> Object {
        ["type": "object", "properties": properties, "required": required, "additionalProperties": false]
    }

    static var schemas: Object {
        [
            "Problem": object(
                ["error": string, "message": string, "fields": ["type": "object", "additionalProperties": string]],
                required: ["error", "message"]
            ),
            "Session": object(
                ["userId": id, "name": string, "role": oneOf(Role.allCases.map(\.rawValue)), "unitIds": array(id), "csrfToken": string],
                required: ["userId", "name", "role", "unitIds", "csrfToken"]
            ),
            "ParticipantSummary": object(
                [
                    "id": id, "unitId": id, "name": string, "gender": oneOf(Gender.allCases.map(\.rawValue)),
                    "birthYear": ["type": "integer"],
                    "state": [
                        "type": "string", "pattern": "^(registered|informed|introduction|block:[1-9][0-9]*|exited|declined|withdrawn)$",
                    ],
                    "registeredOn": day, "responsibleCounsellorId": id,
                ],
                required: ["id", "unitId", "name", "gender", "birthYear", "state", "registeredOn"]
            ),
            "Step": object(
                [
                    "event": oneOf(["registered"] + JourneyEventKind.allCases.map(\.rawValue)), "from": string, "to": string, "day": day,
                    "outcome": oneOf(ExitOutcome.allCases.map(\.rawValue)), "reason": string,
                ],
                required: ["event", "from", "to", "day"]
            ),
            "Participant": object(
                [
                    "id": id, "unitId": id, "municipalityId": id, "personalIdentityNumber": string, "name": string, "phone": string,
                    "email": string,
                    "gender": oneOf(Gender.allCases.map(\.rawValue)), "birthYear": ["type": "integer"],
                    "referrerKind": oneOf(ReferrerKind.allCases.map(\.rawValue)), "referrerName": string,
                    "authorities": array(oneOf(Authority.allCases.map(\.rawValue))), "reason": string,
                    "state": ["type": "string"], "registeredOn": day, "responsibleCounsellorId": id, "steps": array(ref("Step")),
                ],
                required: [
                    "id", "unitId", "municipalityId", "personalIdentityNumber", "name", "phone", "email", "gender", "birthYear",
                    "referrerKind", "referrerName", "authorities", "reason", "state", "registeredOn", "steps",
                ]
            ),
            "NewParticipant": object(
                [
                    "personalIdentityNumber": [
                        "type": "string", "description": "Personnummer or samordningsnummer, YYYYMMDD-NNNN; the check digit is verified.",
                    ],
                    "name": string, "phone": string, "email": string, "gender": oneOf(Gender.allCases.map(\.rawValue)),
                    "municipalityId": id,
                    "referrerKind": oneOf(ReferrerKind.allCases.map(\.rawValue)), "referrerName": string,
                    "authorities": array(oneOf(Authority.allCases.map(\.rawValue))), "reason": string, "consent": ["type": "boolean"],
                ],
                required: ["personalIdentityNumber", "name", "gender", "municipalityId", "referrerKind", "consent"]
            ),
            "ContactUpdate": object(["name": string, "phone": string, "email": string, "referrerName": string], required: []),
            "NewTransition": object(
                [
                    "event": oneOf(JourneyEventKind.allCases.map(\.rawValue)), "day": day,
                    "outcome": ["type": "string", "enum": ExitOutcome.allCases.map(\.rawValue), "description": "Required for exit."],
                    "reason": ["type": "string", "description": "Required for decline and withdraw."],
                ],
                required: ["event", "day"]
            ),
            "NewExit": object(["day": day, "outcome": oneOf(ExitOutcome.allCases.map(\.rawValue))], required: ["day", "outcome"]),
            "Intervention": object(
                [
                    "id": id, "type": oneOf(InterventionType.allCases.map(\.rawValue)),
                    "provider": oneOf(InterventionProvider.allCases.map(\.rawValue)),
                    "title": string, "employerName": string, "start": day, "end": day,
                ],
                required: ["id", "type", "provider", "title", "start"]
            ),
            "NewIntervention": object(
                [
                    "type": oneOf(InterventionType.allCases.map(\.rawValue)),
                    "provider": oneOf(InterventionProvider.allCases.map(\.rawValue)),
                    "title": string, "placement": ["type": "boolean"], "employerName": string, "start": day, "end": day,
                ],
                required: ["type", "provider", "title", "start"]
            ),
            "Meeting": object(
                [
                    "id": id, "kind": oneOf(MeetingKind.allCases.map(\.rawValue)), "day": day,
                    "status": oneOf(MeetingStatus.allCases.map(\.rawValue)), "time": time, "place": string,
                    "attendees": array(oneOf(MeetingAttendee.allCases.map(\.rawValue))),
                    "notes": string, "decisions": string,
                ],
                required: ["id", "kind", "day", "status", "place", "attendees", "notes", "decisions"]
            ),
            "NewMeeting": object(
                [
                    "kind": oneOf(MeetingKind.allCases.map(\.rawValue)), "day": day,
                    "status": oneOf([MeetingStatus.planned.rawValue, MeetingStatus.held.rawValue]), "time": time, "place": string,
                    "attendees": array(oneOf(MeetingAttendee.allCases.map(\.rawValue))),
                    "notes": string, "decisions": string,
                ],
                required: ["kind", "day"]
            ),
        ]
    }

    static func json(_ schema: Object, _ description: String) -> Object {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    static var problems: Object {
        [
            "400": json(ref("Problem"), "The body is not JSON of the right shape."),
            "401": json(ref("Problem"), "Not signed in."),
            "403": json(ref("Problem"), "Not allowed for this role or unit, or the CSRF token is missing."),
            "404": json(ref("Problem"), "No such object in your association."),
            "422": json(ref("Problem"), "Invalid input; `fields` has a message per field in the user's language."),
        ]
    }

    static func operation(
        _ id: String,
        _ summary: String,
        body: String? = nil,
        _ status: String,
        _ response: Object,
        read: Bool = false
    ) -> Object {
        var operation: Object = [
            "operationId": id, "summary": summary, "responses": problems.merging([status: json(response, "Success.")]) { $1 },
        ]
        if let body { operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]] }
        if read { operation["description"] = "Opens personal data: each call writes an audit row." }
        return operation
    }

    static func parameter(_ name: String) -> Object {
        ["name": name, "in": "path", "required": true, "schema": id]
    }

    static var document: Object {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Framsteg API", "version": "1",
                "description": "Participants and their journey. Sign in with POST /sign-in (the web form) and send the session cookie; "
                    + "changes also send the session's CSRF token from GET /api/session in the X-CSRF-Token header. "
                    + "Access is decided exactly as for the web pages.",
            ],
            "components": [
                "schemas": schemas,
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": "framsteg_session"],
                    "csrf": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token"],
                ],
            ],
            "security": [["session": [String]()]],
            "paths": [
                "/api/session": ["get": operation("getSession", "Who is signed in, and the CSRF token for changes", "200", ref("Session"))],
                "/api/units/{unit}/participants": [
                    "parameters": [parameter("unit")],
                    "get": operation(
                        "listParticipants",
                        "The unit's participants, nothing sealed",
                        "200",
                        array(ref("ParticipantSummary"))
                    ),
                    "post": operation(
                        "createParticipant",
                        "Register a participant in the unit",
                        body: "NewParticipant",
                        "201",
                        ref("ParticipantSummary")
                    ),
                ],
                "/api/participants/{participant}": [
                    "parameters": [parameter("participant")],
                    "get": operation("getParticipant", "The whole record with its steps", "200", ref("Participant"), read: true),
                    "patch": operation(
                        "updateParticipant",
                        "Change contact details",
                        body: "ContactUpdate",
                        "200",
                        ref("ParticipantSummary")
                    ),
                ],
                "/api/participants/{participant}/transitions": [
                    "parameters": [parameter("participant")],
                    "post": operation(
                        "createTransition",
                        "Record a step of the journey",
                        body: "NewTransition",
                        "201",
                        ref("ParticipantSummary")
                    ),
                ],
                "/api/participants/{participant}/exit": [
                    "parameters": [parameter("participant")],
                    "post": operation("createExit", "Exit with an outcome", body: "NewExit", "201", ref("ParticipantSummary")),
                ],
                "/api/participants/{participant}/interventions": [
                    "parameters": [parameter("participant")],
                    "get": operation("listInterventions", "The participant's interventions", "200", array(ref("Intervention"))),
                    "post": operation("createIntervention", "Add an intervention", body: "NewIntervention", "201", ref("Intervention")),
                ],
                "/api/participants/{participant}/meetings": [
                    "parameters": [parameter("participant")],
                    "get": operation("listMeetings", "The participant's meetings with notes", "200", array(ref("Meeting")), read: true),
                    "post": operation("createMeeting", "Record or plan a meeting", body: "NewMeeting", "201", ref("Meeting")),
                ],
            ],
        ]
    }
}
