import Views

/// Cursor movement in every list. The orders list pages by keyset; the others by offset.
enum ListUpdate {
    /// One scroll offset moved by one key, kept within `0...last` (the last screenful), so `k` after `G`
    /// moves at once: the same rule for every scrolled text.
    static func scrolled(_ scroll: Int, _ action: Action, page: Int, last: Int) -> Int {
        let next: Int
        switch action {
        case .down: next = scroll + 1
        case .up: next = scroll - 1
        case .pageDown: next = scroll + page
        case .pageUp: next = scroll - page
        case .first: next = 0
        case .last: next = last
        default: next = scroll
        }
        return max(0, min(last, next))
    }

    static func move(_ state: inout AppState, _ action: Action) -> [Effect] {
        if var r = state.report {
            let last = max(0, (r.report.map { ReportFormats.text($0, width: state.width - 1).count } ?? 0) - state.listHeight)
            r.scroll = scrolled(r.scroll, action, page: state.listHeight, last: last)
            state.report = r
            return []
        }
        if var c = state.callbackPage, state.detail == nil {
            let lines = c.detail.map { CallbackDetailView.lines($0, width: state.width).count } ?? 0
            c.scroll = scrolled(c.scroll, action, page: state.listHeight, last: max(0, lines - (state.listHeight + 1)))
            state.callbackPage = c
            return []
        }
        if var d = state.detail {
            let body = Rect(x: 0, y: 0, width: state.width, height: state.bodyHeight)
            let last = d.detail.map { OrderDetailView.maxScroll(OrderDetailViewModel(detail: $0, revealed: d.revealed), rect: body) } ?? 0
            d.scroll = scrolled(d.scroll, action, page: state.listHeight, last: last)
            state.detail = d
            return []
        }
        switch state.tab {
        case .orders: return moveOrders(&state.orders, action)
        case .seats:
            moveOffset(&state.seats, action, page: state.listHeight)
            if !state.seats.covers(page: state.listHeight) { return [.loadSeats] }
        case .refunds:
            moveOffset(&state.refunds, action, page: state.listHeight)
            if !state.refunds.covers(page: state.listHeight) { return [.loadRefunds] }
        case .callbacks:
            moveOffset(&state.callbacks, action, page: state.listHeight)
            if !state.callbacks.covers(page: state.listHeight) { return [.loadCallbacks] }
        case .due:
            moveOffset(&state.due, action, page: state.listHeight)
        case .dashboard: break
        }
        return []
    }

    static func moveOrders(_ o: inout OrdersListState, _ action: Action) -> [Effect] {
        let visible = min(o.rows.count, o.pageSize)
        let sort = o.sort
        switch action {
        case .down:
            if o.selected + 1 < visible { o.selected += 1; return [] }
            guard o.hasMoreBelow, o.rows.count > 1 else { return [] }
            return [.loadOrders(.from(o.rows[1].cursor(sort), keepSelection: o.rows[visible].id))]
        case .up:
            if o.selected > 0 { o.selected -= 1; return [] }
            guard o.top != nil, let first = o.rows.first else { return [] }
            return [.loadOrders(.before(first.cursor(sort), count: 1))]
        case .pageDown:
            guard o.hasMoreBelow else { o.selected = max(0, visible - 1); return [] }
            return [.loadOrders(.from(o.rows[visible].cursor(sort), keepSelection: nil))]
        case .pageUp:
            guard o.top != nil, let first = o.rows.first else { o.selected = 0; return [] }
            return [.loadOrders(.before(first.cursor(sort), count: o.pageSize))]
        case .first:
            o.selected = 0
            return [.loadOrders(.from(nil, keepSelection: nil))]
        case .last:
            return [.loadOrders(.end)]
        default:
            return []
        }
    }

    /// Moves over the whole list (`total`), not just the loaded window; the caller loads a new window when needed.
    static func moveOffset<Row>(_ l: inout OffsetListState<Row>, _ action: Action, page: Int) {
        guard l.total > 0 else { return }
        l.selected = scrolled(l.selected, action, page: page, last: l.total - 1)
    }
}
