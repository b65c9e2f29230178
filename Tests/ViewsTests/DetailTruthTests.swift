import XCTest
@testable import Store
@testable import Views

/// Issue 12, in the order detail: a pending refund is quoted as the Refunds view quotes it (the tier in force now,
/// not the row's 0.00 / 0.00), and a callback Fliggy has not acknowledged is shown on the order, its refund and
/// its tickets ("Fliggy not told") until its outbox row is `sent`.
final class DetailTruthTests: XCTestCase {
    /// Departs at 10:00 tomorrow (about 19 h after `Fixtures.now`): the seed's 6–24 h tier, 10 %.
    func pendingDetail() -> OrderDetail {
        var d = Fixtures.detail(status: .refunding)
        d.summary.departsAt = Fixtures.day + 86400 + 10 * 3600
        d.refundRules = RefundPolicy.seedExample
        var r = Fixtures.refund(0, orderId: d.summary.id)
        r.feeFen = 0; r.amountFen = 0   // what a pending row holds before anyone decides it
        d.refunds = [r]
        d.callbacks = [Fixtures.callback(0, state: .sent)]
        return d
    }

    func text(_ m: OrderDetailViewModel) -> String {
        OrderDetailView.lines(m, width: 118).map { $0.map(\.text).joined() }.joined(separator: "\n")
    }

    func testPendingRefundIsQuotedLikeTheRefundsView() {
        let d = pendingDetail()
        let m = OrderDetailViewModel(detail: d, now: Fixtures.now)
        let refundLine = text(m).split(separator: "\n").first { $0.contains("RF20261122000") }.map(String.init) ?? ""
        // The Refunds view's figure for the same refund, same rules, same clock.
        let q = RefundPolicy.quote(paidFen: 12_300, rules: RefundPolicy.seedExample, departsAt: d.summary.departsAt, now: Fixtures.now)
        XCTAssertEqual(q.feePercent, 10)
        XCTAssertTrue(refundLine.contains("手续费 10% 12.30"), refundLine)
        XCTAssertTrue(refundLine.contains("退款 110.70"), refundLine)
        XCTAssertFalse(refundLine.contains("0.00"), refundLine)
        var s = Screen(width: 120, height: 40)
        let body = Chrome.render(Fixtures.chrome(), into: &s)
        OrderDetailView.render(m, into: &s, rect: body)
        Golden.check(s, "detail-pending-quote-120x40")
        var small = Screen(width: 80, height: 24)
        OrderDetailView.render(OrderDetailViewModel(detail: d, scroll: 99, now: Fixtures.now), into: &small, rect: Chrome.render(Fixtures.chrome(), into: &small))
        Golden.check(small, "detail-pending-quote-80x24")
        XCTAssertTrue(small.text().joined().contains("退款 110.70"), "the quote whole at 80x24 (the line folds)")
        // Inside the no-refund tier the detail says so instead of a fee.
        var late = d
        late.summary.departsAt = Fixtures.now + 3600
        XCTAssertTrue(text(OrderDetailViewModel(detail: late, now: Fixtures.now)).contains("不可退"))
    }

    func testUnacknowledgedCallbackIsShownOnOrderRefundAndTicket() {
        var d = pendingDetail()
        d.refunds[0].status = .done
        var cb = Fixtures.callback(1, state: .failed, method: "taobao.bus.agent.refund.confirm")
        cb.refundId = d.refunds[0].id
        d.callbacks = [Fixtures.callback(0, state: .sent), cb]
        let shown = text(OrderDetailViewModel(detail: d, now: Fixtures.now)).split(separator: "\n").map(String.init)
        XCTAssertEqual(shown.first, "⚠ Fliggy not told (1 dead-lettered)", "first, above the trip")
        XCTAssertTrue(shown.contains { $0.contains("RF20261122000") && $0.contains(NotTold.mark) }, "on its refund")
        // Fixtures.refund(0) is for ticket 1 only: that ticket is marked, the other is not.
        let tickets = shown.filter { $0.contains("座位") && $0.contains("证件") }
        XCTAssertEqual(tickets.count, 2)
        XCTAssertTrue(tickets[0].contains(NotTold.mark), tickets[0])
        XCTAssertFalse(tickets[1].contains(NotTold.mark), tickets[1])
        var s = Screen(width: 80, height: 24)
        let body = Chrome.render(Fixtures.chrome(), into: &s)
        OrderDetailView.render(OrderDetailViewModel(detail: d, now: Fixtures.now), into: &s, rect: body)
        Golden.check(s, "detail-not-told-80x24", styles: true)
        var big = Screen(width: 120, height: 40)
        OrderDetailView.render(OrderDetailViewModel(detail: d, now: Fixtures.now), into: &big, rect: Chrome.render(Fixtures.chrome(), into: &big))
        Golden.check(big, "detail-not-told-120x40")

        // Once acknowledged, no mark anywhere.
        d.callbacks[1].state = .sent
        XCTAssertFalse(text(OrderDetailViewModel(detail: d, now: Fixtures.now)).contains("not told"))
        // Still sending (not yet acknowledged) is said too, as a warning rather than an error.
        d.callbacks[1].state = .pending
        XCTAssertTrue(text(OrderDetailViewModel(detail: d, now: Fixtures.now)).hasPrefix("⚠ Fliggy not told (1 not yet acknowledged)"))
        XCTAssertEqual(NotTold(d).role, .warn)
    }

    /// A money-only refund Fliggy had not acknowledged read "approved⚠ Fliggy not told money_o…实付 62.00": the
    /// status ran into the mark and the source was cut mid-word into the paid amount. Every status and source is
    /// whole and set apart by a space.
    func testRefundStatusAndSourceAreWholeAndSpaced() {
        for status in RefundStatus.allCases {
            for source in RefundSource.allCases {
                var d = pendingDetail()
                d.refunds[0].status = status
                d.refunds[0].source = source
                var cb = Fixtures.callback(1, state: .pending, method: "taobao.bus.agent.refund.confirm")
                cb.refundId = d.refunds[0].id
                d.callbacks = [cb]
                let line = text(OrderDetailViewModel(detail: d, now: Fixtures.now)).split(separator: "\n")
                    .first { $0.contains("RF20261122000") }.map(String.init) ?? ""
                let words = line.split(separator: " ").joined(separator: " ")
                XCTAssertTrue(words.contains(" \(status.rawValue) \(NotTold.mark) \(source.rawValue) 实付 "), line)
            }
        }
    }
}
