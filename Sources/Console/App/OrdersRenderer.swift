import Store
import Views

/// The orders list: columns sized for the width (Fliggy id and phone appear from 100 columns).
enum OrdersRenderer {
    struct Column { let title: String; let width: Int; let right: Bool; let value: (OrderSummary) -> String }

    static func columns(width: Int) -> [Column] {
        var cols: [Column] = [Column(title: "订单号", width: 12, right: false) { $0.agentOrderId }]
        if width >= 100 { cols.append(Column(title: "飞猪订单号", width: 16, right: false) { $0.mainBizOrderId }) }
        cols += [
            Column(title: "状态", width: 8, right: false) { $0.status.chinese },
            Column(title: "发车 (GMT+8)", width: 12, right: false) { ChinaTime.short($0.departsAt) },
            Column(title: "线路", width: width >= 100 ? 14 : 10, right: false) { "\($0.fromCity)→\($0.toCity)" },
            Column(title: "联系人", width: 8, right: false) { Masking.name($0.contactName) },
        ]
        if width >= 100 { cols.append(Column(title: "手机", width: 11, right: false) { Masking.phone($0.contactPhone) }) }
        cols += [
            Column(title: "票", width: 2, right: true) { String($0.ticketCount) },
            Column(title: "金额(元)", width: 10, right: true) { Money.yuan($0.totalFen) },
        ]
        return cols
    }

    static func render(_ screen: inout Screen, _ o: OrdersListState, rect: Rect, now: Int) {
        let filter = o.filter.statuses.isEmpty ? "all" : o.filter.statuses.map(\.chinese).joined(separator: "/")
        let more = o.hasMoreBelow ? "  ↓ more" : ""
        screen.put(x: 1, y: rect.y, text: "Orders  filter: \(filter)  sort: \(o.sort.rawValue)\(more)", style: Style(.subHeader))
        let cols = columns(width: rect.width)
        var x = 1
        for c in cols {
            screen.put(x: x, y: rect.y + 1, text: c.title, style: Style(.columnTitle), columns: c.width, alignRight: c.right)
            x += c.width + 1
        }
        let top = rect.y + 2
        guard o.loaded else { screen.put(x: 1, y: top, text: "loading…", style: Style(.dim)); return }
        guard !o.rows.isEmpty else { screen.put(x: 1, y: top, text: "no orders" + (o.filter.statuses.isEmpty ? "" : " in this filter (a: all)"), style: Style(.dim)); return }
        for (i, row) in o.visible.enumerated() where top + i < rect.maxY {
            let y = top + i
            let selected = i == o.selected
            var x = 1
            for c in cols {
                let role: Role = c.title == "状态" ? .status(row.status) : .normal
                screen.put(x: x, y: y, text: c.value(row), style: Style(role), columns: c.width, alignRight: c.right)
                x += c.width + 1
            }
            if selected { screen.restyle(Rect(x: 0, y: y, width: rect.width, height: 1), style: Style(.selected)) }
        }
    }
}
