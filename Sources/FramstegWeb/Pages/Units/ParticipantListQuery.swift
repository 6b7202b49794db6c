import Foundation
import FramstegCore
import FramstegStore

/// What the unit's participant list shows: which participants (by where they are on the journey
/// and who is responsible), in which order, and which page of them. Read from the address
/// (`?show=ended&counsellor=mine&sort=name&page=2`), so a list can be bookmarked and works without
/// JavaScript; a value it does not know is its default.
struct ParticipantListQuery: Sendable, Equatable {
    enum Show: String, CaseIterable, Sendable {
        /// Not yet ended: waiting, being informed, or in the programme.
        case ongoing
        /// Registered or informed, not started.
        case waiting
        /// In the introduction or a block.
        case active
        /// Exited, declined or withdrawn.
        case ended
        case all

        func includes(_ state: JourneyState) -> Bool {
            switch self {
            case .ongoing: !state.isFinal
            case .waiting: state == .registered || state == .informed
            case .active: state.isActive
            case .ended: state.isFinal
            case .all: true
            }
        }
    }

    enum Sort: String, CaseIterable, Sendable {
        /// Newest registration first: what came in lately is at the top.
        case newest
        case oldest
        case name
        case state
    }

    /// Everyone's, the viewer's own, or one counsellor's.
    enum Counsellor: Sendable, Equatable {
        case anyone
        case mine
        case one(UserID)
        case nobody

        var value: String {
            switch self {
            case .anyone: ""
            case .mine: "mine"
            case .one(let id): id.description
            case .nobody: "none"
            }
        }
    }

    static let pageSize = 25
    static let swedish = Locale(identifier: "sv_SE")

    var show: Show = .ongoing
    var counsellor: Counsellor = .anyone
    var sort: Sort = .newest
    var page = 1

    init() {}

    init(show: String, counsellor: String, sort: String, page: String) {
        self.show = Show(rawValue: show) ?? .ongoing
        self.sort = Sort(rawValue: sort) ?? .newest
        switch counsellor {
        case "mine": self.counsellor = .mine
        case "none": self.counsellor = .nobody
        default: self.counsellor = Int64(counsellor).map { .one(UserID($0)) } ?? .anyone
        }
        self.page = Int(page).map { max($0, 1) } ?? 1
    }

    /// The participants the query selects, in its order, and the page of them it shows (the last
    /// page when `page` is past it).
    func apply(_ participants: [ParticipantSummary], viewer: UserID) -> Result {
        let chosen = participants.filter { participant in
            guard show.includes(participant.state) else { return false }
            switch counsellor {
            case .anyone: return true
            case .mine: return participant.responsibleCounsellor == viewer
            case .one(let id): return participant.responsibleCounsellor == id
            case .nobody: return participant.responsibleCounsellor == nil
            }
        }
        let sorted = chosen.sorted { a, b in
            switch sort {
            case .newest: (a.registeredOn, a.id.rawValue) > (b.registeredOn, b.id.rawValue)
            case .oldest: (a.registeredOn, a.id.rawValue) < (b.registeredOn, b.id.rawValue)
            // Swedish order: Å, Ä and Ö after Z.
            case .name: a.name.compare(b.name, options: [.caseInsensitive], range: nil, locale: Self.swedish) == .orderedAscending
            case .state: (a.state.journeyOrder, a.registeredOn) < (b.state.journeyOrder, b.registeredOn)
            }
        }
        let pages = max(1, (sorted.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(self.page, pages)
        let start = (page - 1) * Self.pageSize
        return Result(
            rows: Array(sorted.dropFirst(start).prefix(Self.pageSize)),
            total: sorted.count,
            page: page,
            pages: pages,
            first: start + 1
        )
    }

    struct Result: Sendable {
        let rows: [ParticipantSummary]
        let total: Int
        let page: Int
        let pages: Int
        /// The position of the first row shown, counted from 1.
        let first: Int
    }

    /// The address of this query's `page` of the unit's list; defaults are left out.
    func path(unit: UnitID, page: Int) -> String {
        var parts: [String] = []
        if show != .ongoing { parts.append("show=" + show.rawValue) }
        if counsellor != .anyone { parts.append("counsellor=" + counsellor.value) }
        if sort != .newest { parts.append("sort=" + sort.rawValue) }
        if page > 1 { parts.append("page=\(page)") }
        return "/units/\(unit)" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&")) + "#participants"
    }
}
