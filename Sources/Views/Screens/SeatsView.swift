import Store

/// Every schedule of one day with its seat counts.
public struct SeatsViewModel: Equatable, Sendable {
    /// GMT+8 midnight of the day shown.
    public var day: Int
    /// Schedules of that day in departure order: all of them, or a window starting at position `first`.
    public var schedules: [ScheduleSeats]
    public var first = 0
    /// Counts for the whole day; computed from `schedules` when they are the whole day.
    public var summary: SeatsDaySummary?
    /// Position in the day of the first row on screen.
    public var offset = 0
    /// Position in the day of the highlighted row.
    public var selected: Int? = 0
    public var loaded = true
    /// Epoch seconds: schedules that left by then are marked departed, not 在售 (issue 12).
    public var now: Int?
    /// The sort when it is not departure order (Seats' `s`, issue 12), said in the header.
    public var order: String?
    public init(day: Int, schedules: [ScheduleSeats], offset: Int = 0, selected: Int? = 0, now: Int? = nil) {
        self.day = day; self.schedules = schedules; self.offset = offset; self.selected = selected; self.now = now
    }

    var daySummary: SeatsDaySummary { summary ?? SeatsDaySummary(of: schedules, now: now) }
}

/// Seats per schedule: numbers and a bar (sold █, held ▒, left ░ — shapes, so the bar reads
/// without colour too), price, on sale or 停运 with its reason.
public enum SeatsView {
    public static let columns: [TableColumn] = [
        TableColumn("发车", width: 11, priority: 100),
        // Whole or not at all: at 120 columns it read "L-GZ-SZ-20261…", the date and time cut off.
        TableColumn("班次", width: scheduleIdWidth, priority: 30),
        .route(priority: 90),
        TableColumn("总", width: 3, priority: 85, alignRight: true),
        TableColumn("售", width: 3, priority: 85, alignRight: true),
        TableColumn("锁", width: 3, priority: 85, alignRight: true),
        TableColumn("余", width: 3, priority: 95, alignRight: true),
        TableColumn("座位 █售 ▒锁 ░余", width: 16, flex: 1, priority: 50),
        TableColumn("票价", width: 7, priority: 70, alignRight: true),
        TableColumn("状态", width: 10, flex: 2, priority: 80),
    ]
    /// The longest schedule id the demo and the spec's examples use ("L-HZA-SHA-20261202-0605").
    static let scheduleIdWidth = 23
    static let barColumn = 7
    static let statusColumn = 9
    /// A departed row's status: both words where the column holds them, else the Chinese word alone — never a cut
    /// word (issue 12: "已发车 depa…" at 80 columns).
    static let departedWords = "已发车 departed", departedShort = "已发车"

    public static func pageSize(for rect: Rect) -> Int { ListScreen.pageSize(for: rect) }

    public static func render(_ m: SeatsViewModel, into screen: inout Screen, rect: Rect) {
        let day = m.daySummary
        // Issue 12: the header counted a stopped schedule's seats as left. Each number now says what it counts:
        // "on sale" counts the seats a buyer can still get (on sale, not departed); stopped and departed are counted apart.
        var spans = [TextSpan(" " + ChinaTime.date(m.day) + " " + Formatting.weekday(m.day), .key)]
        if let order = m.order { spans.append(TextSpan("  sort: " + order, .key)) }
        spans += [TextSpan("   \(day.schedules) schedules  \(day.seatsTotal) seats  \(day.leftOnSale) on sale", .subHeader)]
        if day.stopped > 0 { spans.append(TextSpan("  \(day.stopped) 停运", .warn)) }
        if day.departed > 0 { spans.append(TextSpan("  \(day.departed) departed", .dim)) }
        // The day keys' reminder gives way to the counts (the hint line names `[` too) and to the list position.
        if spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) + 19 <= rect.width - 12 { spans.append(TextSpan("  [ ] prev/next day", .dim)) }
        let placed = Table.layout(columns, width: ListScreen.tableRect(rect).width - 2)
        let barWidth = placed.first { $0.index == barColumn }?.width ?? 0
        let statusWidth = placed.first { $0.index == statusColumn }?.width ?? 0
        let shown = ListWindow.shown(m.schedules, first: m.first, offset: m.offset, page: pageSize(for: rect))
        ListScreen.render(header: spans, columns: columns, rows: shown.map { cells($0, barWidth: barWidth, statusWidth: statusWidth, now: m.now) },
                          selected: m.selected.map { $0 - m.offset }, position: (m.offset, day.schedules),
                          empty: "No schedules on \(ChinaTime.date(m.day)).", loaded: m.loaded, into: &screen, rect: rect)
    }

    static func cells(_ s: ScheduleSeats, barWidth: Int, statusWidth: Int = .max, now: Int? = nil) -> [[TextSpan]] {
        var departs = ChinaTime.clock(s.departsAt).prefix(5)
        if s.fromTimeType == 4, let end = s.windowEndAt { departs += "-" + ChinaTime.clock(end).prefix(5) }
        // A schedule that has left is not on sale whatever its flag says (issue 12: this morning's showed 在售).
        let departed = now.map { s.departsAt <= $0 } ?? false
        let status: [TextSpan] = !s.onSale
            ? [TextSpan("停运", Style(.error, bold: true))] + (s.stopReason.map { [TextSpan(" " + $0, .warn)] } ?? [])
            : departed ? Table.cell(DisplayWidth.of(departedWords) <= statusWidth ? departedWords : departedShort, .dim)
            : Table.cell("在售", .ok)
        return [
            Table.cell(String(departs)),
            Table.cell(s.scheduleId, .dim),
            Table.cell(s.fromCity + "→" + s.toCity),
            Table.cell(String(s.seatsTotal)),
            Table.cell(String(s.seatsSold)),
            Table.cell(String(s.seatsHeld)),
            Table.cell(String(s.seatsLeft), s.seatsLeft == 0 ? .warn : .normal),
            bar(sold: s.seatsSold, held: s.seatsHeld, total: s.seatsTotal, width: barWidth),
            Table.cell(Money.yuan(s.priceFen)),
            status,
        ]
    }

    /// A proportional bar; any non-zero part gets at least one cell so a single held seat shows.
    public static func bar(sold: Int, held: Int, total: Int, width: Int) -> [TextSpan] {
        guard width > 0, total > 0 else { return [] }
        func cells(_ n: Int) -> Int { n <= 0 ? 0 : max(1, (n * width + total / 2) / total) }
        var s = min(width, cells(sold))
        var h = min(width - s, cells(held))
        // Seats still on sale always show at least one ░, taken from the larger part.
        if total - sold - held > 0 && s + h >= width && width > 1 {
            if s >= h { s -= 1 } else { h -= 1 }
        }
        let l = max(0, width - s - h)
        return [TextSpan(String(repeating: "█", count: s), .barSold), TextSpan(String(repeating: "▒", count: h), .barHeld),
                TextSpan(String(repeating: "░", count: l), .barLeft)].filter { !$0.text.isEmpty }
    }
}
