import FramstegCore
import Mustache

/// What the layout shows around every page: language, texts, title, the CSRF token, a notice, and
/// the menu of the signed-in user (none in participant mode).
struct Layout: Sendable {
    struct SignedIn: Sendable {
        let name: String
        let roleLabel: String
        let nav: [MenuItem]
        /// Staff of units find a participant from every page (the search lists only whom they may open).
        let canSearch: Bool
    }

    struct MenuItem: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    let lang: String
    let t: [String: String]
    let title: String
    let csrf: String
    let notice: String?
    /// Handed to the participant: no menu, no name, no way out but giving the device back.
    let participantMode: Bool
    let signedIn: SignedIn?
    let script: String?
    /// For the warning before an idle session ends (page.js); 0 when not signed in.
    let idleSeconds: Int

    init(context: AppRequestContext, title: String, script: String?) {
        let language = context.language
        lang = language.rawValue
        t = Texts.table(language)
        self.title = title
        csrf = context.csrfToken
        notice = context.notice.map { Texts.text($0.rawValue, language) }
        participantMode = context.session?.record.handover != nil
        idleSeconds = context.sessionIdleSeconds
        signedIn =
            participantMode
            ? nil
            : context.session.map { session in
                SignedIn(
                    name: session.user.name,
                    roleLabel: session.user.role.label(language),
                    nav: Self.menu(for: session.user.role, language: language, currentPath: context.requestPath),
                    canSearch: session.user.role.belongsToUnits && context.requestPath != "/search"
                )
            }
        self.script = script
    }

    static func menu(for role: Role, language: Language, currentPath: String) -> [MenuItem] {
        let items: [(String, String)] =
            switch role {
            case .admin:
                [
                    ("/admin", "administration"), ("/admin/municipalities", "municipalities"), ("/admin/units", "units"),
                    ("/admin/users", "users"), ("/admin/goals", "goalsTitle"), ("/admin/instruments", "instruments"),
                    ("/admin/audit", "auditLog"),
                ]
            case .office:
                [
                    ("/office", "association"), ("/office/dashboard", "dashboardTitle"), ("/surveys", "surveyResultsTitle"),
                    ("/office/deliveries", "deliveryRights"),
                ]
            case .manager, .counsellor: [("/units", "myUnits"), ("/surveys", "surveyResultsTitle")]
            }
        let all = items + [("/settings", "settings")]
        // The page's own item is the longest path it lies under: the deliveries are "Nationella leveranser", not "Förbund" too.
        let current = all.map(\.0).filter { currentPath == $0 || currentPath.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        return all.map { path, key in
            MenuItem(href: path, label: Texts.text(key, language), current: path == current)
        }
    }

    /// The layout's own names; nil for any other, which the page's model answers.
    func value(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "t": t
        case "title": title
        case "csrf": csrf
        // A new one-time token each time a form asks for it: see `FormSendMiddleware`.
        case "once": MustacheLambda { Tokens.random() }
        case "notice": notice
        case "participantMode": participantMode
        case "signedIn": signedIn
        case "script": script
        case "idleSeconds": idleSeconds
        default: nil
        }
    }
}

/// A page that shows the notice of a redirect in the part of the page it concerns: the layout
/// then leaves it out at the top.
protocol PlacesItsNotice {
    var placesNotice: Bool { get }
}

/// The layout's values around a page's own model: a name the layout knows is answered from it,
/// every other name from the model (a struct's stored property, unwrapped when optional).
struct PageEnvelope: MustacheParent {
    let layout: Layout
    let model: (any MustacheParent)?
    let placesNotice: Bool

    init(layout: Layout, model: Any) {
        self.layout = layout
        self.model = ReflectedModel.wrap(model) as? any MustacheParent
        placesNotice = (model as? PlacesItsNotice)?.placesNotice == true
    }

    func child(named name: String) -> Any? {
        if name == "notice", placesNotice { return nil }
        if let value = layout.value(named: name) { return ReflectedModel.wrap(value) }
        return model?.child(named: name)
    }
}
