import Store

/// The callback outbox, failed rows first (the store query orders them).
public struct CallbacksViewModel: Equatable, Sendable {
    public var rows: [OutboxRecord]
    public var total: Int
    /// Position in the whole outbox list of `rows[0]` (the rows are a window around the selection).
    public var first = 0
    /// Position in the whole list of the first row on screen.
    public var offset = 0
    /// Position in the whole list of the highlighted row.
    public var selected: Int? = 0
    /// Epoch seconds, for "next attempt in …".
    public var now: Int
    public var pending = 0
    public var failed = 0
    public var loaded = true
    /// The state and method the list is narrowed to (f, m), shown in place of the order it is read in.
    public var filterLabel: String?
    /// Callback ids marked for one bulk re-fire (Space), shown with `*` and counted in the header.
    public var marked: Set<Int64> = []
    public init(rows: [OutboxRecord], total: Int, now: Int, offset: Int = 0, selected: Int? = 0) {
        self.rows = rows; self.total = total; self.now = now; self.offset = offset; self.selected = selected
    }
}

/// Outbox rows: method, order, state, attempts, next attempt, last code / sub_code / message.
public enum CallbacksView {
    public static let columns: [TableColumn] = [
        TableColumn("method", width: 15, priority: 100),
        .orderId(priority: 90),
        TableColumn("state", width: 7, priority: 95),
        TableColumn("tries", width: 5, priority: 60, alignRight: true),
        TableColumn("next", width: 8, priority: 50),
        TableColumn("code", width: 12, priority: 70),
        TableColumn("sub_code", width: 16, flex: 1, priority: 40),
        TableColumn("message", width: 12, flex: 3, priority: 80),
    ]

    public static func pageSize(for rect: Rect) -> Int { ListScreen.pageSize(for: rect) }

    public static func render(_ m: CallbacksViewModel, into screen: inout Screen, rect: Rect) {
        let header = [
            TextSpan(" " + Plural.count(m.total, "callback"), .key), TextSpan("   \(m.pending) pending", .subHeader),
            TextSpan("  \(m.failed) failed", m.failed > 0 ? .error : .subHeader),
            m.marked.isEmpty ? TextSpan("", Role.normal) : TextSpan("   \(m.marked.count) marked · T re-fires them", .warn),
            m.filterLabel.map { TextSpan("   " + $0, .key) } ?? TextSpan("   failed first, newest first", .subHeader),
        ]
        let shown = ListWindow.shown(m.rows, first: m.first, offset: m.offset, page: pageSize(for: rect))
        ListScreen.render(header: header, columns: columns, rows: shown.map { cells($0, now: m.now) },
                          selected: m.selected.map { $0 - m.offset }, marked: Set(shown.indices.filter { m.marked.contains(shown[$0].id) }),
                          position: (m.offset, m.total), empty: "No callbacks yet.", loaded: m.loaded, into: &screen, rect: rect)
    }

    static func role(_ state: OutboxState) -> Role {
        switch state {
        case .failed: return .error
        case .pending, .sending: return .warn
        case .sent: return .ok
        }
    }

    static func cells(_ c: OutboxRecord, now: Int) -> [[TextSpan]] {
        let next: String
        switch c.state {
        case .pending: next = c.nextAttemptAt <= now ? "now" : "in " + Formatting.duration(c.nextAttemptAt - now)
        case .sending: next = "sending"
        case .sent, .failed: next = "-"
        }
        let code = [c.lastHttpStatus.map { "\($0)" }, c.lastCode].compactMap { $0 }.joined(separator: " ")
        return [
            Table.cell(Formatting.shortMethod(c.method)),
            Table.cell(c.agentOrderId ?? "-"),
            Table.cell(c.state.rawValue, role(c.state)),
            Table.cell(String(c.attempts)),
            Table.cell(next, .dim),
            Table.cell(code.isEmpty ? "-" : code),
            Table.cell(c.lastSubCode ?? "", .dim),
            Table.cell(c.lastMessage ?? "", c.state == .failed ? .error : .normal),
        ]
    }
}
