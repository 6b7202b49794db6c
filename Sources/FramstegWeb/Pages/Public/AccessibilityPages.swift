import Hummingbird

/// The accessibility statement (tillgänglighetsredogörelse) that the act on accessibility to
/// digital public services (DOS-lagen, 2018:1937) asks of every public body's service, after DIGG's
/// model: how Framsteg meets WCAG 2.1 AA, what it does not yet, and how to report a problem. Public,
/// linked from every page's footer, the public registration form and participant mode among them.
struct AccessibilityPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.publicRoute(.get, "/accessibility") { _, context in
            site.renderer.page(.accessibility, title: .key("accessibilityTitle"), model: AccessibilityPage(), context: context)
        }
    }
}

/// The statement has no figures of its own: its texts are in `Texts+Accessibility`.
struct AccessibilityPage: Sendable {}
