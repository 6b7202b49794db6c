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
    /// On every page: reloads a page restored from the back/forward cache.
    let pageScript: String

    /// Loads every template, and stops if one that `Template` names is missing or one on disk is
    /// unknown to it: a wrong name fails at start, never as an empty page.
    static func load() async throws -> Renderer {
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let css = Bundle.module.url(forResource: "Public/app", withExtension: "css"),
            let script = Bundle.module.url(forResource: "Public/participant-mode", withExtension: "js"),
            let definitionScript = Bundle.module.url(forResource: "Public/definition-file", withExtension: "js"),
            let pageScript = Bundle.module.url(forResource: "Public/page", withExtension: "js")
        else { throw RendererError.missingResources }
        let library = try await MustacheLibrary(directory: templates.path)
        try check(library, directory: templates)
        return Renderer(
            library: library,
            stylesheet: try String(contentsOf: css, encoding: .utf8),
            participantModeScript: try String(contentsOf: script, encoding: .utf8),
            definitionFileScript: try String(contentsOf: definitionScript, encoding: .utf8),
            pageScript: try String(contentsOf: pageScript, encoding: .utf8)
        )
    }

    static func check(_ library: MustacheLibrary, directory: URL) throws {
        let missing = Template.allCases.filter { library.getTemplate(named: $0.rawValue) == nil }.map(\.rawValue)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        let unknown = onDisk.filter { Template(rawValue: $0) == nil }
        guard missing.isEmpty, unknown.isEmpty else { throw RendererError.templates(missing: missing, unknown: unknown.sorted()) }
    }

    /// A template on its own (an SVG, a fragment), with `model` as its only context.
    func render(_ template: Template, _ model: Any) -> String {
        library.render(ReflectedModel.wrap(model) ?? model, withTemplate: template.rawValue) ?? ""
    }

    /// A full HTML page: the layout's chrome around `template` rendered with `model`, in the
    /// request's language. The model is a plain struct with stored properties.
    func page(
        _ template: Template,
        title: PageTitle,
        model: Any,
        context: AppRequestContext,
        status: HTTPResponse.Status = .ok,
        script: String? = nil
    ) -> Response {
        let layout = Layout(context: context, title: title.text(context.language), script: script)
        let html = render(template, PageEnvelope(layout: layout, model: model))
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A page's title: a text key, or text of its own (a participant's name).
enum PageTitle: Sendable {
    case key(String)
    case text(String)

    func text(_ language: Language) -> String {
        switch self {
        case .key(let key): Texts.text(key, language)
        case .text(let text): text
        }
    }
}

enum RendererError: Error, CustomStringConvertible {
    case missingResources
    case templates(missing: [String], unknown: [String])

    var description: String {
        switch self {
        case .missingResources: "the templates, stylesheet or scripts are missing from the bundle"
        case .templates(let missing, let unknown):
            "templates missing: \(missing.joined(separator: ", ")); templates not named in Template: \(unknown.joined(separator: ", "))"
        }
    }
}
