import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route × every role × own / sibling / foreign object, written out by hand.
///
/// `ok` means the handler ran (200, a 303 that is not a bounce to sign-in, or 422 for the empty form the
/// matrix sends); `forbidden` is 403; `hidden` is 404, for objects of another association.
@Suite("Access matrix")
struct AccessMatrixTests {
    enum Expect: String, Sendable { case ok, forbidden, hidden }
    enum Scope: String, Sendable { case none, own, sibling, foreign }

    struct Row: Sendable, CustomTestStringConvertible {
        let route: String
        let scope: Scope
        let admin: Expect, office: Expect, manager: Expect, counsellor: Expect

        init(_ route: String, _ scope: Scope = .none, admin: Expect, office: Expect, manager: Expect, counsellor: Expect) {
            self.route = route
            self.scope = scope
            self.admin = admin
            self.office = office
            self.manager = manager
            self.counsellor = counsellor
        }

        var testDescription: String { "\(route) [\(scope)]" }
        var expectations: [(Role, Expect)] { [(.admin, admin), (.office, office), (.manager, manager), (.counsellor, counsellor)] }
    }

    static let everyone = (Expect.ok, Expect.ok, Expect.ok, Expect.ok)

    static let rows: [Row] = [
        Row("POST /sign-out", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /settings", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /session/keep-alive", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("POST /settings", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("POST /settings/password", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("POST /settings/second-factor", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /settings/second-factor", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("POST /settings/second-factor/confirm", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /admin", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/association", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/association", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/association/second-factor", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/sign-in", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/sign-in", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/municipalities", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/municipalities", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/municipalities/:municipality", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row(
            "POST /admin/municipalities/:municipality",
            .foreign,
            admin: .hidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /admin/units", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/units", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/goals", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/goals", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/eligibility", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/eligibility/ages", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/eligibility/criteria", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/eligibility/criteria/change", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/units/:unit", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/units/:unit", .sibling, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/units/:unit", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/units/:unit", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/units/:unit", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/units/:unit/places", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/units/:unit/places", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/users", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/users/new", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/users/:user", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/users/:user", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/disable", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/disable", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/enable", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/enable", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/records", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row(
            "POST /admin/users/:user/records",
            .foreign,
            admin: .hidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("POST /admin/users/:user/deliveries", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row(
            "POST /admin/users/:user/deliveries",
            .foreign,
            admin: .hidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("POST /admin/users/:user/password", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/password", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/second-factor", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/users/:user/external-id", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row(
            "POST /admin/users/:user/external-id",
            .foreign,
            admin: .hidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /admin/users/:user/second-factor",
            .foreign,
            admin: .hidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("POST /admin/units/:unit/schedule", .own, admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/units/:unit/schedule", .foreign, admin: .hidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/instruments", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/instruments/preview", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/instruments", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/audit", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/log-review", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/log-review", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/log-review/sample", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/log-review/reviews", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/watch-list", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/watch-list", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/extracts", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/extracts/log", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/extracts/register", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/retention", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/retention", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/access-review", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /admin/access-review.csv", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /admin/access-review", admin: .ok, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row(
            "POST /admin/watch-list/:participant/remove",
            .own,
            admin: .ok,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /office", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /units", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("GET /units/:unit", .own, admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("GET /units/:unit", .sibling, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /units/:unit", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("GET /units/:unit/participants/new", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "GET /units/:unit/participants/new",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /units/:unit/participants/new", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("POST /units/:unit/participants", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row("POST /units/:unit/participants", .sibling, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("POST /units/:unit/participants", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("GET /participants/:participant", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row("GET /participants/:participant", .sibling, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /participants/:participant", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row(
            "GET /participants/:participant/my-progress",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /participants/:participant/my-progress",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /participants/:participant/my-progress",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /participants/:participant/exit-document",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /participants/:participant/exit-document",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /participants/:participant/exit-document",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/eligibility",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/eligibility",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/eligibility",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/after-exit",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/after-exit",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/after-exit",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /participants/:participant/steps", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /participants/:participant/steps",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/steps",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /participants/:participant/referrer-summary",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /participants/:participant/referrer-summary",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /participants/:participant/referrer-summary",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/interventions",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/interventions",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/interventions",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/interventions/:intervention/end",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/interventions/:intervention/end",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/interventions/:intervention/end",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/interventions/:intervention/correct",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/interventions/:intervention/correct",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/interventions/:intervention/correct",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/steps/withdraw",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/steps/withdraw",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/steps/withdraw",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /participants/:participant/meetings", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /participants/:participant/meetings",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/meetings",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /participants/:participant/meetings/:meeting",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /participants/:participant/meetings/:meeting",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /participants/:participant/meetings/:meeting",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /participants/:participant/meetings/:meeting/calendar.ics",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /participants/:participant/meetings/:meeting/calendar.ics",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /participants/:participant/meetings/:meeting/calendar.ics",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/held",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/held",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/held",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/move",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/move",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/move",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/withdraw",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/withdraw",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/withdraw",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/cancel",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/cancel",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/meetings/:meeting/cancel",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/hours-goal",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/hours-goal",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/hours-goal",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /participants/:participant/hours", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /participants/:participant/hours",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/hours",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/counsellor",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/counsellor",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/counsellor",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /participants/:participant/protected", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /participants/:participant/protected",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/protected",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /participants/:participant/contact", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /participants/:participant/contact",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/contact",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/measurements",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/measurements",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/measurements",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /participants/:participant/measurements/:measurement",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /participants/:participant/measurements/:measurement",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /participants/:participant/measurements/:measurement",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/measurements/:measurement/answers",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/measurements/:measurement/answers",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/measurements/:measurement/answers",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/measurements/:measurement/hand-over",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/measurements/:measurement/hand-over",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/measurements/:measurement/hand-over",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/plan/goals",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/plan/goals",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/plan/goals",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/plan/goals/:goal/steps",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/plan/goals/:goal/steps",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/plan/goals/:goal/steps",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/plan/steps/:step/status",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/plan/steps/:step/status",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/plan/steps/:step/status",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /participants/:participant/surveys", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /participants/:participant/surveys",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/surveys",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /participants/:participant/surveys/:offer/hand-over",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /participants/:participant/surveys/:offer/hand-over",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /participants/:participant/surveys/:offer/hand-over",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("GET /units/:unit/violence-support", .own, admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row(
            "GET /units/:unit/violence-support",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /units/:unit/violence-support", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("GET /surveys", admin: .forbidden, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /surveys/summary", admin: .forbidden, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /surveys/export.csv", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row(
            "POST /admin/municipalities/:municipality/support-contact",
            .own,
            admin: .ok,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /admin/municipalities/:municipality/support-contact",
            .foreign,
            admin: .hidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /office/report", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /office/dashboard", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /office/dashboard/export.csv", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /office/dashboard/export.xlsx", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /units/:unit/dashboard/export.xlsx", .own, admin: .forbidden, office: .ok, manager: .ok, counsellor: .forbidden),
        Row(
            "GET /units/:unit/dashboard/export.xlsx",
            .sibling,
            admin: .forbidden,
            office: .ok,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /units/:unit/dashboard/export.xlsx",
            .foreign,
            admin: .forbidden,
            office: .hidden,
            manager: .hidden,
            counsellor: .forbidden
        ),
        Row("GET /office/finsam.csv", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /office/deliveries", admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row("GET /search", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        // The role is not enough: only an office user granted the delivery by name (`DeliveryRightsTests`).
        Row(
            "GET /office/deliveries/violence-screening.csv",
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /units/:unit/dashboard", .own, admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("GET /units/:unit/dashboard", .sibling, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .forbidden),
        Row("GET /units/:unit/dashboard", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("GET /units/:unit/dashboard/export.csv", .own, admin: .forbidden, office: .ok, manager: .ok, counsellor: .forbidden),
        Row("GET /units/:unit/dashboard/export.csv", .sibling, admin: .forbidden, office: .ok, manager: .forbidden, counsellor: .forbidden),
        Row(
            "GET /units/:unit/dashboard/export.csv",
            .foreign,
            admin: .forbidden,
            office: .hidden,
            manager: .hidden,
            counsellor: .forbidden
        ),
        Row("GET /take", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("POST /take", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("POST /take/answer", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("GET /take/done", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("GET /take/return", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("POST /take/return", admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row("GET /api/session", admin: .ok, office: .ok, manager: .ok, counsellor: .ok),
        Row("GET /api/units/:unit/participants", .own, admin: .forbidden, office: .forbidden, manager: .ok, counsellor: .ok),
        Row(
            "GET /api/units/:unit/participants",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /api/units/:unit/participants", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("POST /api/units/:unit/participants", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /api/units/:unit/participants",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("POST /api/units/:unit/participants", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("GET /api/participants/:participant", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "GET /api/participants/:participant",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("GET /api/participants/:participant", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row("PATCH /api/participants/:participant", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "PATCH /api/participants/:participant",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row("PATCH /api/participants/:participant", .foreign, admin: .forbidden, office: .forbidden, manager: .hidden, counsellor: .hidden),
        Row(
            "POST /api/participants/:participant/transitions",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /api/participants/:participant/transitions",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /api/participants/:participant/transitions",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row("POST /api/participants/:participant/exit", .own, admin: .forbidden, office: .forbidden, manager: .forbidden, counsellor: .ok),
        Row(
            "POST /api/participants/:participant/exit",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /api/participants/:participant/exit",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /api/participants/:participant/interventions",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /api/participants/:participant/interventions",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /api/participants/:participant/interventions",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /api/participants/:participant/interventions",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /api/participants/:participant/interventions",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /api/participants/:participant/interventions",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "GET /api/participants/:participant/meetings",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "GET /api/participants/:participant/meetings",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "GET /api/participants/:participant/meetings",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
        Row(
            "POST /api/participants/:participant/meetings",
            .own,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .ok
        ),
        Row(
            "POST /api/participants/:participant/meetings",
            .sibling,
            admin: .forbidden,
            office: .forbidden,
            manager: .forbidden,
            counsellor: .forbidden
        ),
        Row(
            "POST /api/participants/:participant/meetings",
            .foreign,
            admin: .forbidden,
            office: .forbidden,
            manager: .hidden,
            counsellor: .hidden
        ),
    ]

    static let publicRoutes: Set<String> = [
        "GET /", "GET /sign-in", "POST /sign-in", "GET /healthz", "GET /livez", "GET /readyz", "GET /static/app.css",
        "GET /register/:association", "POST /register/:association", "GET /register/:association/thanks",
        "GET /api/openapi.json", "GET /static/participant-mode.js", "GET /static/definition-file.js", "GET /static/page.js",
        "GET /setup/:token", "POST /setup/:token", "GET /accessibility",
        // The second step of a sign-in answers only to its own pending cookie (SecondFactorTests).
        "GET /sign-in/code", "POST /sign-in/code", "GET /sign-in/enrol", "POST /sign-in/enrol",
        // Signing in through the identity provider: the state and its browser cookie decide (IdentityProviderTests).
        "GET /sign-in/organisation/:association", "GET /sign-in/callback", "GET /sign-out/organisation/:association",
    ]

    /// The application's own list of routes, read from a router built the way the server builds it.
    static func declaredRoutes() async throws -> [RouteDeclaration] {
        try await TestDatabase.sqlite.withFreshStore { store throws in
            let site = try await Site(
                store: store,
                keyring: TestKeys.keyring,
                configuration: WebConfiguration(bcryptCost: 4),
                logger: TestApp.logger
            )
            return buildRouter(site: site).declarations
        }
    }

    @Test("every declared route has rows in the matrix, and every row names a declared route")
    func matrixCoversEveryRoute() async throws {
        let declared = try await Self.declaredRoutes()
        let protected = Set(declared.filter { $0.action != nil }.map(\.description))
        let publicOnes = Set(declared.filter { $0.action == nil }.map(\.description))
        #expect(Set(Self.rows.map(\.route)) == protected)
        #expect(publicOnes == Self.publicRoutes)
    }

    /// The route's path for the row's scope. A meeting route gets a meeting planned for the
    /// participant first, so the counsellor's own answer is the page's, not a missing meeting's.
    static func path(for row: Row, _ fixture: Fixture) async throws -> String {
        var route = String(row.route.split(separator: " ")[1])
        let unit = [Scope.own: fixture.unitA1, .sibling: fixture.unitA2, .foreign: fixture.unitB1][row.scope]
        let user = row.scope == .foreign ? fixture.targetUserB : fixture.targetUserA
        let municipality = row.scope == .foreign ? fixture.municipalityB : fixture.municipalityA
        let participant = [Scope.own: fixture.participantA1, .sibling: fixture.participantA2, .foreign: fixture.participantB1][row.scope]
        if route.contains(":meeting"), let participant {
            let registered = Day(fixture.clock.now)
            let id = try await fixture.store.write { db in
                try await ActivityRepository(db, keyring: TestKeys.keyring).addMeeting(
                    try MeetingDraft(
                        status: "planned",
                        kind: "individual",
                        day: registered.adding(days: 30).description,
                        time: "10:00",
                        attendees: [],
                        notes: "",
                        decisions: ""
                    )
                    .validated(registeredOn: registered.adding(days: -400), today: registered),
                    to: participant,
                    by: fixture.targetUserA,
                    now: fixture.clock.now
                )
            }
            route = route.replacingOccurrences(of: ":meeting", with: id.description)
        }
        return
            route
            .replacingOccurrences(of: ":participant", with: participant?.description ?? "")
            .replacingOccurrences(of: ":intervention", with: "1")
            .replacingOccurrences(of: ":measurement", with: fixture.measurementA1.description)
            .replacingOccurrences(of: ":goal", with: fixture.goalA1.description)
            .replacingOccurrences(of: ":step", with: fixture.stepA1.description)
            .replacingOccurrences(of: ":offer", with: fixture.surveyOfferA1.description)
            .replacingOccurrences(of: ":unit", with: unit?.description ?? "")
            .replacingOccurrences(of: ":user", with: user.description)
            .replacingOccurrences(of: ":municipality", with: municipality.description)
    }

    /// Pages get a form post; the API gets JSON as its clients send it (an empty object: the handler
    /// still has to run the checks before it can refuse the body).
    static func send(_ browser: TestBrowser, _ method: String, _ path: String) async throws -> TestResponse {
        switch (method, path.hasPrefix("/api/")) {
        case ("GET", true): try await browser.json(.get, path)
        case ("GET", false): try await browser.get(path)
        case (_, true): try await browser.json(method == "PATCH" ? .patch : .post, path, "{}")
        case (_, false): try await browser.post(path)
        }
    }

    /// Participants' records: a manager opens them only with the association's grant, and then
    /// answers exactly as a counsellor of the same unit does.
    static let recordRows = rows.filter {
        $0.route.contains(":participant") || $0.route.hasSuffix("/participants") || $0.route.hasSuffix("/participants/new")
    }

    @Test("a manager granted record access gets the counsellor's answer on every participant route", arguments: recordRows)
    func grantedManager(_ row: Row) async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            #expect(try await browser.signIn(Fixture.recordsManagerEmail).status == .seeOther)
            let method = String(row.route.split(separator: " ")[0])
            let response = try await Self.send(browser, method, try await Self.path(for: row, fixture))
            switch row.counsellor {
            case .ok:
                #expect(
                    [.ok, .created, .noContent, .seeOther, .badRequest, .conflict, .unprocessableContent].contains(response.status),
                    "\(row): \(response.status)"
                )
            case .forbidden: #expect(response.status == .forbidden, "\(row): \(response.status)")
            case .hidden: #expect(response.status == .notFound, "\(row): \(response.status)")
            }
        }
    }

    @Test("each role gets exactly its row's answer", arguments: rows)
    func roleAnswers(_ row: Row) async throws {
        try await TestApp.run { fixture, client throws in
            let method = String(row.route.split(separator: " ")[0])
            let path = try await Self.path(for: row, fixture)
            for (role, expected) in row.expectations {
                let browser = TestBrowser(client)
                #expect(try await browser.signIn(Fixture.email(role)).status == .seeOther)
                let response = try await Self.send(browser, method, path)
                let bouncedToSignIn = response.location == "/sign-in" || response.location?.hasPrefix("/sign-in?expired") == true
                switch expected {
                case .ok:
                    #expect(
                        [.ok, .created, .noContent, .seeOther, .badRequest, .conflict, .unprocessableContent].contains(response.status)
                            && !bouncedToSignIn,
                        "\(role) \(method) \(path): \(response.status)"
                    )
                case .forbidden:
                    #expect(response.status == .forbidden, "\(role) \(method) \(path): \(response.status)")
                case .hidden:
                    #expect(response.status == .notFound, "\(role) \(method) \(path): \(response.status)")
                }
            }
        }
    }

    @Test(
        "without a session every protected route sends the visitor to sign-in",
        arguments: rows.filter { $0.scope == .none || $0.scope == .own }
    )
    func anonymous(_ row: Row) async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.get("/sign-in")
            let path = try await Self.path(for: row, fixture)
            let response = try await Self.send(browser, String(row.route.split(separator: " ")[0]), path)
            if path.hasPrefix("/api/") {
                #expect(response.status == .unauthorized)
                #expect(response.text.contains(#""error":"unauthenticated""#))
            } else {
                #expect(response.status == .found)
                #expect(response.location == "/sign-in")
            }
        }
    }

    @Test("a refused request writes a denied audit row naming the user and the object")
    func denialIsAudited() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            #expect(try await browser.get("/units/\(fixture.unitA2)").status == .forbidden)
            #expect(try await browser.get("/admin/users").status == .forbidden)
            let rows = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 2) }
            #expect(rows.map(\.entry.action) == ["access.administerUsers", "access.viewUnit"])
            #expect(rows.allSatisfy { $0.entry.result == .denied && $0.entry.role == .counsellor })
            #expect(rows[1].entry.objectType == "unit")
            #expect(rows[1].entry.objectID == fixture.unitA2.description)
        }
    }

    @Test("public routes answer without a session")
    func publicRoutesAnswer() async throws {
        try await TestApp.run { _, client throws in
            let browser = TestBrowser(client)
            #expect(try await browser.get("/").location == "/sign-in")
            // The body names the check that failed, should one.
            let health = try await browser.get("/healthz").text
            #expect(health.hasPrefix(#"{"status":"ok""#), "\(health)")
            #expect(try await browser.get("/static/app.css").headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await browser.get("/sign-in").status == .ok)
            #expect(try await browser.post("/sign-in", [("email", "x@y.se"), ("password", "fel")]).status == .unauthorized)
        }
    }
}
