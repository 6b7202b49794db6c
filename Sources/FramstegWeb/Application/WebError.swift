/// Refusals the error page middleware turns into a page in the user's language.
public enum WebError: Error, Equatable, Sendable {
    case forbidden
    case notFound
    /// The form's CSRF token was missing or wrong.
    case csrfRejected
    /// The body was larger than the server reads (413).
    case tooLarge
}
