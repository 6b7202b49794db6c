import Foundation
import FramstegCore
import Hummingbird
import Mustache

/// Renders Mustache templates (which escape by default) inside the one layout.
struct Renderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    /// Saves each answer in participant mode the moment it is chosen; the pages work without it.
    let participantModeScript: String
    /// Reads a chosen instrument definition file into the admin's text field.
    let definitionFileScript: String

    /// Confirmation texts a redirect may ask for; anything else in `?notice=` is ignored.
    static let notices: Set<String> = [
        "saved", "settingsSaved", "userCreated", "userDisabled", "userEnabled", "passwordReset", "signedOut",
        "participantRegistered", "stepRecorded", "eligibilitySaved", "interventionAdded", "interventionEnded", "meetingSaved",
        "goalSaved", "hoursSaved", "answersSaved", "deviceReturned", "planGoalAdded", "planStepAdded", "planStepChanged",
        "instrumentAdded", "scheduleSaved", "surveyAbandoned", "supportContactSaved",
    ]

    static func load() async throws -> Renderer {
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let css = Bundle.module.url(forResource: "Public/app", withExtension: "css"),
            let script = Bundle.module.url(forResource: "Public/participant-mode", withExtension: "js"),
            let definitionScript = Bundle.module.url(forResource: "Public/definition-file", withExtension: "js")
        else { throw RendererError.missingResources }
        return Renderer(
            library: try await MustacheLibrary(directory: templates.path),
            stylesheet: try String(contentsOf: css, encoding: .utf8),
            participantModeScript: try String(contentsOf: script, encoding: .utf8),
            definitionFileScript: try String(contentsOf: definitionScript, encoding: .utf8)
        )
    }

    func render(_ template: String, _ data: [String: Any]) -> String {
        library.render(data, withTemplate: template) ?? ""
    }

    /// A full HTML page: the layout's chrome around `template`, in the request's language.
    func page(
        _ template: String,
        titleKey: String? = nil,
        title: String? = nil,
        context: AppRequestContext,
        status: HTTPResponse.Status = .ok,
        data: [String: Any] = [:]
    ) -> Response {
        let language = context.language
        var values = data
        values["lang"] = language.rawValue
        values["t"] = Texts.table(language)
        values["title"] = title ?? titleKey.map { Texts.text($0, language) } ?? ""
        values["csrf"] = context.csrfToken
        if let key = context.noticeKey { values["notice"] = Texts.text(key, language) }
        if context.session?.record.handover != nil {
            // Handed to the participant: no menu, no name, no way out but giving the device back.
            values["participantMode"] = true
        } else if let user = context.session?.user {
            values["signedIn"] =
                [
                    "name": user.name, "roleLabel": user.role.label(language),
                    "nav": Self.menu(for: user.role, language: language, currentPath: context.requestPath),
                ] as [String: Any]
        }
        let html = render(template, values)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func menu(for role: Role, language: Language, currentPath: String) -> [[String: Any]] {
        let items: [(String, String)] =
            switch role {
            case .admin:
                [
                    ("/admin", "administration"), ("/admin/municipalities", "municipalities"), ("/admin/units", "units"),
                    ("/admin/users", "users"), ("/admin/instruments", "instruments"), ("/admin/audit", "auditLog"),
                ]
            case .office: [("/office", "association"), ("/office/dashboard", "dashboardTitle"), ("/surveys", "surveyResultsTitle")]
            case .manager, .counsellor: [("/units", "myUnits"), ("/surveys", "surveyResultsTitle")]
            }
        return (items + [("/settings", "settings")]).map { path, key in
            let isCurrent = currentPath == path || (path != "/admin" && currentPath.hasPrefix(path + "/"))
            return ["href": path, "label": Texts.text(key, language), "current": isCurrent]
        }
    }
}

enum RendererError: Error {
    case missingResources
}

/// Form values and messages for re-showing a form after a refused submission.
struct FormState {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    var data: [String: Any] {
        ["values": values, "errors": errors, "hasErrors": !errors.isEmpty]
    }
}
