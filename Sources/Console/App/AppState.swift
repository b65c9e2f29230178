import Operations
import Store
import Views

/// Everything the console shows. Only `update` changes it; views render it; effects fill it from the store.
struct AppState {
    var tab: Tab = .orders
    var orders = OrdersListState()
    var detail: DetailState?
    /// The daily settlement page (`:report DATE`), shown over the tabs like an order's detail.
    var report: ReportPage?
    /// The Dashboard's figures (issue 13), the generation and minute they were read at, and the glyphs it draws with.
    var dashboard: DashboardData?
    var dashboardLoaded = (generation: -1, minute: -1)
    var chartGlyphs = ChartGlyphs.unicode
    var seats = OffsetListState<ScheduleSeats>()
    var seatsDay: Int                                   // GMT+8 midnight of the day shown
    var seatsSummary: SeatsDaySummary?                  // the day's counts (the rows are a window of it)
    var seatsLoadedDay: Int?                            // the day those rows and counts are of
    var seatsOrder = ScheduleOrder.departure            // `s` cycles it (issue 12: sortable by seats left)
    /// Bumped by every commit the console sees (another process's, or its own action's): a list loaded under the
    /// current generation still shows the store as it is, so switching back to it needs no query.
    var generation = 0
    var refunds = OffsetListState<PendingRefund>()
    var callbacks = OffsetListState<OutboxRecord>()
    /// What the Callbacks list narrows to (f: state, m: method), and one callback shown in full (Enter).
    var callbackFilter = CallbackFilter()
    var callbackPage: CallbackPage?
    /// Due work, soonest first (issue 12): the whole short list, also counted on the tab bar and status line.
    var due = OffsetListState<DueItem>()
    var dueOptions = DueOptions()
    /// Rows marked with Space for one confirmed bulk action (issue 12): Refunds for approve, Callbacks for re-fire.
    var marks: [Tab: [MarkedRow]] = [:]
    var overlay: Overlay?
    /// The help overlay's first line shown (issue 12: it scrolls, so every key is reachable at 80x24).
    var helpScroll = 0
    var prompt: Prompt?                                 // ":" command, "/" search or "/" filter being typed
    /// Each list's `/` filter (issue 12), kept per view; Esc clears it. Due filters its `dueAll` in memory.
    var listFilters: [Tab: String] = [:]
    var dueAll: [DueItem] = []
    /// The Refunds filter's count is a floor (a one-letter prefix of a million ids is read only so deep).
    var refundsFilterCapped = false
    var commandHistory: [String] = []
    var lastSearch: String?
    /// Where a paused name search stopped; `n` (or `N`) in the same direction carries on from there.
    var searchResume: SearchResume?
    var message: StatusMessage? {
        didSet { if let message { lastMessage = message } }
    }
    /// The last message shown, kept after the status line moves on: `!` opens it whole (a long refusal is cut at
    /// 80 columns, and the reason is what the operator needs to read).
    var lastMessage: StatusMessage?
    var width = 80, height = 24
    var session: SessionInfo
    var live = LiveInfo()
    var sendingPaused = false
    var quit = false

    init(session: SessionInfo, now: Int) {
        self.session = session
        self.seatsDay = ChinaTime.startOfDay(now)
    }

    /// Rows available for a list body: header, sub-header, column titles and the two status lines.
    var listHeight: Int { max(1, height - 5) }
    /// Rows between the header and the two status lines (where overlays are drawn).
    var bodyHeight: Int { max(1, height - 3) }
}

struct SessionInfo: Equatable {
    var storePath: String
    var isDemo: Bool
    var readOnly: Bool
    var readOnlyReason: String?
    /// A replica console: where operators act instead (every action is refused here).
    var replicaOf: String?
}

struct LiveInfo: Equatable {
    var dataVersion: Int64 = 0
    var lastChangeAt: Int = 0          // when another process's commit was last seen
    var lastPollOK = true
    var outboxPending = 0
    var outboxFailed = 0
    /// A replica console's lag ("2 s behind"), refreshed by the main loop.
    var replicaLag: String?
    /// On the primary: when Litestream last replicated the store ("3 s ago"), nil when it never ran here.
    var replication: String?
    var replicationBehind = false
    /// Why the console stopped acting on its store (the file vanished); every action refuses with it.
    var storeGone: String?
    /// The last quick_check recorded by serve or dispatch, and why money-moving actions refuse (damage), if they do.
    var lastCheck: StoreCheck?
    var damage: String?
    /// Sending to Fliggy: the gateway's badge and health, always on screen (issue 12).
    var gateway = GatewayStatus()
}

struct StatusMessage: Equatable {
    enum Kind { case info, error }
    var kind: Kind
    var text: String
}

/// A list read by position (Seats, Refunds, Callbacks): `rows` is a window of a few screens around the selection,
/// `rows[0]` being position `start` of the whole list, which holds `total` rows.
struct OffsetListState<Row: Equatable>: Equatable {
    var rows: [Row] = []
    var start = 0
    var selected = 0
    var total = 0
    var loaded = false
    /// `AppState.generation` and the clock minute when the rows were loaded.
    var loadedGeneration = -1
    var loadedMinute = -1
    var selectedRow: Row? {
        let i = selected - start
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    /// The window to load for the selection: half a screen above it and a screen below (near the end of the list,
    /// its last screen and a half). No more: on a large store every row read is a few uncached pages (~30 µs each),
    /// and the screen shows one; scrolling loads the next window once the selection has moved half a screen.
    static func window(selected: Int, page: Int, total: Int) -> (start: Int, limit: Int) {
        let limit = page + page / 2 + 1
        return (max(0, min(selected - page / 2, total - limit)), limit)
    }

    /// Whether the loaded rows hold the whole screen (as far as the list goes).
    func covers(page: Int) -> Bool {
        let end = start + rows.count, top = ListWindow.top(selected: selected, page: page, total: total)
        return start <= top && min(total, top + page) <= end
    }

    /// Takes a freshly loaded window; the selection stays on its position, within the list.
    mutating func loaded(_ rows: [Row], start: Int, total: Int, generation: Int, now: Int) {
        self.rows = rows; self.start = start; self.total = total; loaded = true
        selected = min(selected, max(0, total - 1))
        loadedGeneration = generation
        loadedMinute = now / 60
    }

    /// Loaded since the last commit and still covering the screen around the selection.
    func isCurrent(generation: Int, page: Int) -> Bool {
        loaded && loadedGeneration == generation && covers(page: page)
    }
}

struct CallbackPage: Equatable {
    var id: Int64
    var detail: CallbackDetail?
    var scroll = 0
}

struct ReportPage: Equatable {
    var day: String
    var report: DayReport?
    var scroll = 0
}

struct DetailState: Equatable {
    var orderId: Int64
    var detail: OrderDetail?
    var scroll = 0
    var revealed = false
    /// Opened from a Due row: its refund or callback, so that row's keys (A, R, T) work here.
    var dueRefund: PendingRefund?
    var dueCallbackId: Int64?
    /// An action key pressed on the Due row this detail was opened for: started once the detail is loaded.
    var runOnLoad: String?
}

enum Prompt: Equatable {
    case command(String)
    case search(String)
    case filter(String)
    var text: String {
        switch self { case .command(let t), .search(let t), .filter(let t): return t }
    }
}

enum Overlay: Equatable {
    case help
    case confirm(ConfirmState)
    case form(FormState)
    /// The last status message in full (`!`), scrolled by `scroll` wrapped lines.
    case message(scroll: Int)
}

/// A confirmation before anything that moves money or seats; Cancel is focused first.
struct ConfirmState: Equatable {
    var title: String
    var lines: [String]
    var confirmFocused = false
    /// First wrapped line shown when the confirmation is taller than the screen (j/k scroll it).
    var scroll = 0
    var pending: PendingAction
    /// Names, certificate numbers, phones and the ticket password in the lines: masked until the order is revealed (issue 12).
    var personal = PersonalValues()
    /// The form this confirmation previews, as it was left: Esc (or q) goes back to it to correct a value.
    var form: FormState? = nil
    /// A bulk confirmation (marked rows): Confirm runs each of its actions; `pending` is its first.
    var bulk: BulkConfirm? = nil
}

/// Operator input (ticket number, password, gate, …) for an action.
struct FormState: Equatable {
    struct Field: Equatable {
        var name: String; var label: String; var value: String; var hint: String
        /// Where typing goes, in characters (nil: the end of the value).
        var cursor: Int? = nil
        /// Drawn as one `*` per character until the order is revealed (`ActionField.secret`: the ticket password).
        var secret = false
    }
    var title: String
    var fields: [Field]
    var focused = 0
    var error: String?
    var purpose: FormPurpose
}

struct SearchResume: Equatable {
    var query: String
    var forward: Bool
    var after: Int64
}
