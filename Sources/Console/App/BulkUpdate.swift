import Operations
import Store

/// A row marked with Space, as it was on screen when marked: its version binds the bulk action to it.
struct MarkedRow: Equatable {
    let row: ActionRow
    var id: String { row.subjectId }
    static func == (a: MarkedRow, b: MarkedRow) -> Bool { a.id == b.id && a.row.version == b.row.version }
}

/// One confirmation for every marked row: the previewed actions (each bound to its own row's version and
/// preview) and the rows refused before the confirmation (their preview was refused), said with their reason.
struct BulkConfirm: Equatable {
    var unit: String
    var actions: [PendingAction]
    var skipped: [String]
    var total: Int { actions.count + skipped.count }
}

/// What a bulk action did: the summaries of the rows done, and each refused row with why.
struct BulkOutcome: Equatable {
    var unit: String
    var total: Int
    var done: [String]
    var refused: [String]
}

/// Bulk marks (issue 12): Space marks rows in Refunds (for approve) and Callbacks (for re-fire); the view's action
/// key then opens one confirmation listing every marked row, Cancel focused. Confirmed, the existing unit runs once
/// per row through `ActionEffects.performBulk`; the marks clear after. Esc clears them.
enum BulkUpdate {
    /// What marks are for in each view that takes them: its action and how to say it.
    struct Kind { let unit, act, done, noun: String }
    static let kinds: [Tab: Kind] = [
        .refunds: Kind(unit: "refund.approve", act: "approve", done: "approved", noun: "refund"),
        .callbacks: Kind(unit: "callback.retry", act: "re-fire", done: "re-fired", noun: "callback"),
    ]

    static func unit(for tab: Tab) -> String? { kinds[tab]?.unit }

    static func kind(_ unit: String) -> Kind { kinds.values.first { $0.unit == unit }! }


    /// Space: the row under the cursor marked (or unmarked), then the cursor on to the next row.
    static func toggle(_ state: inout AppState, now: Int) -> [Effect] {
        guard state.detail == nil, state.callbackPage == nil, let id = unit(for: state.tab), let unit = ActionUnits.named(id),
              let row = ActionUpdate.row(for: unit.subject, state) else { return [] }
        var marks = state.marks[state.tab] ?? []
        if let i = marks.firstIndex(where: { $0.id == row.subjectId }) {
            marks.remove(at: i)
        } else {
            if let why = unit.refusal(on: row, now: now) { return ActionUpdate.refuse(&state, "not marked: " + why) }
            marks.append(MarkedRow(row: row))
        }
        state.marks[state.tab] = marks.isEmpty ? nil : marks
        let view = KeyTable.contexts(state)[0]
        let key = KeyTable.bindings.first { $0.context == view && $0.action == .run(id) }.map { $0.keys[0].label } ?? "its key"
        state.message = marks.isEmpty ? nil
            : StatusMessage(kind: .info, text: "\(marks.count) marked: \(key) to \(kind(id).act) them all (one confirmation), Esc clears")
        return ListUpdate.move(&state, .down)
    }

    /// The view's action key with rows marked: one preview of them all; nil when no marks apply here.
    static func begin(_ state: inout AppState, unit id: String) -> [Effect]? {
        guard state.detail == nil, state.callbackPage == nil, unit(for: state.tab) == id,
              let marks = state.marks[state.tab], !marks.isEmpty else { return nil }
        state.message = StatusMessage(kind: .info, text: "preparing \(Plural.count(marks.count, kind(id).noun))…")
        return [.prepareBulk(marks.map { FormPurpose(unit: id, row: $0.row) })]
    }

    /// Esc with marks: they are cleared (true), before Esc clears a filter.
    static func clear(_ state: inout AppState) -> Bool {
        guard state.detail == nil, state.marks[state.tab] != nil else { return false }
        state.marks[state.tab] = nil
        state.message = StatusMessage(kind: .info, text: "marks cleared")
        return true
    }

    /// The bulk action ran: "approved N of M", each refused row named with why; the marks are cleared.
    static func done(_ state: inout AppState, _ o: BulkOutcome) {
        for tab in Tab.allCases where unit(for: tab) == o.unit { state.marks[tab] = nil }
        let head = "\(kind(o.unit).done) \(o.done.count) of \(o.total)"
        state.message = o.refused.isEmpty ? StatusMessage(kind: .info, text: head)
            : StatusMessage(kind: .error, text: head + "; refused: " + o.refused.joined(separator: "; "))
    }

    /// The confirmation's lines: every row it will touch, then the rows it will not, with why.
    static func lines(_ b: BulkConfirm) -> [String] {
        let k = kind(b.unit)
        return ["\(k.act)s each of these \(Plural.count(b.actions.count, k.noun)), one transaction each:"]
            + b.actions.map { "· " + ($0.shown.brief ?? $0.shown.title) }
            + (b.skipped.isEmpty ? [] : ["refused already, left out:"] + b.skipped.map { "· " + $0 })
            + ["a row changed since it was marked is refused and named; the others go ahead"]
    }

    static func title(_ b: BulkConfirm) -> String {
        let k = kind(b.unit)
        return k.act.prefix(1).uppercased() + k.act.dropFirst() + " " + Plural.count(b.actions.count, k.noun)
    }
}
