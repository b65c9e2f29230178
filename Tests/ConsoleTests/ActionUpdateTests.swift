import XCTest
@testable import Console
import Operations
import Store

/// Starting actions in `update`: which form opens on which row, what it is bound to, and what is refused
/// before anything reaches the store. Rows come from a demo store; `update` itself stays pure.
final class ActionUpdateTests: XCTestCase {
    var fx: ActionStoreFixture!
    var now: Int { fx.now }

    override func setUpWithError() throws { fx = try ActionStoreFixture() }
    override func tearDown() { fx = nil }

    func refundsView(_ s: inout AppState, select row: PendingRefund) throws {
        _ = Update.apply(&s, .key(.char("3")), now: now)
        let rows = try fx.store.pendingRefunds(now: now, limit: 500)
        _ = Update.apply(&s, .refundsLoaded(rows.rows, total: rows.total), now: now)
        s.refunds.selected = try XCTUnwrap(rows.rows.firstIndex(of: row))
    }

    func detailView(_ s: inout AppState, _ d: OrderDetail) {
        s.detail = DetailState(orderId: d.summary.id)
        _ = Update.apply(&s, .detailLoaded(d), now: now)
    }

    /// Approve's one field is prefilled from the tier, so A asks for the preview at once (issue 12, operator speed)
    /// with the form behind it: the confirmation's Esc goes back to it to change the fee.
    func testApprovePreviewsAtOnceWithAFormPrefilledFromTheTierAndBoundToTheVersionShown() throws {
        var s = consoleState(now: now)
        let row = try fx.refundableRow()
        try refundsView(&s, select: row)
        let fee = Money.yuan(row.currentFeeFen!)
        let purpose = FormPurpose(unit: "refund.approve", row: .refund(row))
        XCTAssertEqual(Update.apply(&s, .key(.char("A")), now: now), [.prepareConfirm(purpose, ["fee": fee])],
                       "the typed values go to the effect that validates and previews")
        guard case .form(let f)? = s.overlay else { return XCTFail("no form: \(String(describing: s.message))") }
        XCTAssertEqual(f.fields.map(\.value), [fee])
        XCTAssertEqual(f.purpose, purpose)
        XCTAssertEqual(f.purpose.row.version, row.refund.version)
        XCTAssertTrue(f.title.contains(row.refund.refundId), f.title)
        let preview = try XCTUnwrap(fx.effects().prepareConfirm(purpose, ["fee": fee]).first)
        _ = Update.apply(&s, preview, now: now)
        guard case .confirm(let c)? = s.overlay else { return XCTFail("the confirmation: \(String(describing: s.message))") }
        XCTAssertFalse(c.confirmFocused, "Cancel first")
        XCTAssertEqual(c.form, f, "the form behind it")
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertEqual(s.overlay, .form(f), "Esc: back to the form to change the fee")
        // Enter there previews again what was typed.
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.prepareConfirm(f.purpose, ["fee": fee])])
    }

    /// A tier that allows no refund prefills no fee: the form stays, waiting for one.
    func testApproveWithNoFeeInTheTierOpensTheFormOnly() throws {
        var s = consoleState(now: now)
        var row = try fx.refundableRow()
        row.currentFeeFen = nil; row.currentFeePercent = nil   // as the Refunds view shows a row in a 不可退 tier
        _ = Update.apply(&s, .key(.char("3")), now: now)
        _ = Update.apply(&s, .refundsLoaded([row], total: 1), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("A")), now: now), [])
        guard case .form(let f)? = s.overlay else { return XCTFail("no form: \(String(describing: s.message))") }
        XCTAssertEqual(f.fields.map(\.value), [""])
    }

    func testUnchangedFeeMeansTheTierEditedFeeIsParsedFromYuanAndBadFeeIsRefused() throws {
        let row = try fx.refundableRow()
        let unit = try XCTUnwrap(ActionUnits.named("refund.approve"))
        let tier = Money.yuan(try XCTUnwrap(row.currentFeeFen))
        let id = row.refund.refundId
        XCTAssertEqual(try unit.request(row: .refund(row), typed: ["fee": tier]).values, [:], "unchanged: the tier decides")
        XCTAssertEqual(try unit.request(row: .refund(row), typed: ["fee": "12.5"]), ActionRequest(unit: "refund.approve", subject: id,
                                                                                               values: ["fee": "1250"], expectedVersion: row.refund.version))
        XCTAssertEqual(try unit.request(row: .refund(row), typed: ["fee": "0"]).values, ["fee": "0"])
        XCTAssertThrowsError(try unit.request(row: .refund(row), typed: ["fee": "1.234"])) { XCTAssertTrue("\($0)".contains("two decimals"), "\($0)") }
        XCTAssertThrowsError(try unit.request(row: .refund(row), typed: ["fee": "-1"])) { XCTAssertTrue("\($0)".contains("negative"), "\($0)") }
    }

    func testOtherFormsTurnTypedTextIntoRequests() throws {
        let order = try fx.detail(status: .issued)
        func request(_ unit: String, _ row: ActionRow, _ typed: [String: String]) throws -> [String: String] {
            try XCTUnwrap(ActionUnits.named(unit)).request(row: row, typed: typed).values
        }
        XCTAssertEqual(try request("refund.offline", .order(order), ["ticket": "", "amount": "85.5"]), ["amount": "8550"])
        XCTAssertEqual(try request("refund.offline", .order(order), ["cert": "11010519491231002X", "amount": "1"]),
                       ["cert": "11010519491231002X", "amount": "100"])
        XCTAssertEqual(try request("refund.offline", .order(order), ["ticket": "TK0000000007", "amount": "10"]),
                       ["ticket": "TK0000000007", "amount": "1000"])
        XCTAssertEqual(try request("refund.money", .order(order), ["amount": "3.20", "reason": "late bus"]), ["amount": "320", "reason": "late bus"])
        let issue = try request("ticket.issue", .order(order), ["ticket-no": "T1", "ticket-pwd": "P1", "gate": "G1", "plate": "浙A12345"])
        XCTAssertEqual(issue["ticket-no"], "T1")
        XCTAssertEqual(issue["plate"], "浙A12345")
    }

    func testIssueOpensOnlyOnAnOrderAwaitingItsTickets() throws {
        var s = consoleState(now: now)
        detailView(&s, try fx.detail(status: .issued))
        XCTAssertEqual(Update.apply(&s, .key(.char("I")), now: now), [])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message?.kind, .error)
        XCTAssertTrue(s.message?.text.contains("only an order awaiting its tickets (status 2)") ?? false, s.message?.text ?? "")

        let waiting = try fx.detail(status: .awaitingTicket)
        detailView(&s, waiting)
        _ = Update.apply(&s, .key(.char("I")), now: now)
        guard case .form(let f)? = s.overlay else { return XCTFail("no issue form: \(String(describing: s.message))") }
        XCTAssertEqual(f.fields.map(\.label), ["Ticket number", "Ticket password", "Gate", "Seats", "Plate", "Driver name",
                                               "Driver phone", "Vehicle model", "Vehicle brand"])
        XCTAssertEqual(f.purpose, FormPurpose(unit: "ticket.issue", row: .order(waiting)))
        typeKeys(&s, "T-88", now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        typeKeys(&s, "4321", now: now)
        guard case .form(let typed)? = s.overlay else { return XCTFail() }
        XCTAssertEqual(Array(typed.fields.prefix(2).map(\.value)), ["T-88", "4321"])
        // Esc abandons the form; nothing was asked of the store.
        XCTAssertEqual(Update.apply(&s, .key(.escape), now: now), [])
        XCTAssertNil(s.overlay)
    }

    func testOfflineAndMoneyRefundFormsFollowTheOrderState() throws {
        var s = consoleState(now: now)
        let issued = try fx.detail(status: .issued)
        detailView(&s, issued)
        _ = Update.apply(&s, .key(.char("O")), now: now)
        guard case .form(let f)? = s.overlay else { return XCTFail("no offline form: \(String(describing: s.message))") }
        XCTAssertEqual(f.fields[0].value, Money.yuan(issued.tickets.reduce(0) { $0 + $1.priceFen + $1.serviceFeeFen }),
                       "a full refund is offered")
        _ = Update.apply(&s, .key(.escape), now: now)
        detailView(&s, try fx.detail(status: .awaitingPayment))
        _ = Update.apply(&s, .key(.char("M")), now: now)
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("only paid orders") ?? false, s.message?.text ?? "")
    }

    func testStopScheduleFormOnTheSelectedScheduleRefusedWhenStopped() throws {
        var s = consoleState(now: now)
        _ = Update.apply(&s, .key(.char("2")), now: now)
        let day = ChinaTime.startOfDay(now) + 86400
        s.seatsDay = day
        var rows = try fx.store.schedules(day: day)
        XCTAssertFalse(rows.isEmpty)
        _ = Update.apply(&s, .seatsLoaded(rows), now: now)
        _ = Update.apply(&s, .key(.char("S")), now: now)
        guard case .form(let f)? = s.overlay else { return XCTFail("no stop form: \(String(describing: s.message))") }
        XCTAssertEqual(f.fields.map(\.value), ["0", ""])
        XCTAssertEqual(f.purpose, FormPurpose(unit: "schedule.stop", row: .schedule(rows[0])))
        _ = Update.apply(&s, .key(.escape), now: now)
        rows[0].onSale = false
        _ = Update.apply(&s, .seatsLoaded(rows), now: now)
        _ = Update.apply(&s, .key(.char("S")), now: now)
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("already stopped") ?? false, s.message?.text ?? "")
    }

    func testPauseAndRefireGoStraightToAConfirmation() throws {
        var s = consoleState(now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("P")), now: now), [.prepareConfirm(FormPurpose(unit: "sending", row: .sending(paused: false)), [:])])
        _ = Update.apply(&s, .sendingPausedLoaded(true), now: now)
        XCTAssertTrue(s.sendingPaused)
        XCTAssertEqual(Update.apply(&s, .key(.char("P")), now: now), [.prepareConfirm(FormPurpose(unit: "sending", row: .sending(paused: true)), [:])])

        _ = Update.apply(&s, .key(.char("4")), now: now)
        let rows = try fx.store.callbacks(limit: 500).rows
        _ = Update.apply(&s, .callbacksLoaded(rows, total: rows.count), now: now)
        let sentIndex = try XCTUnwrap(rows.firstIndex { $0.state != .failed })
        s.callbacks.selected = sentIndex
        XCTAssertEqual(Update.apply(&s, .key(.char("T")), now: now), [])
        XCTAssertTrue(s.message?.text.contains("only failed") ?? false, s.message?.text ?? "")
        if let failed = rows.firstIndex(where: { $0.state == .failed }) {
            s.callbacks.selected = failed
            XCTAssertEqual(Update.apply(&s, .key(.char("T")), now: now),
                           [.prepareConfirm(FormPurpose(unit: "callback.retry", row: .callback(rows[failed])), [:])])
        }
    }

    func testReadOnlyRefusesEveryActionKeyBeforeAnyForm() throws {
        var s = consoleState(readOnly: true, now: now)
        try refundsView(&s, select: try fx.refundableRow())
        for key in ["A", "R", "P"] {
            XCTAssertEqual(Update.apply(&s, .key(.char(Character(key))), now: now), [])
            XCTAssertNil(s.overlay)
            XCTAssertTrue(s.message?.text.hasPrefix("read-only") ?? false, s.message?.text ?? "")
        }
    }

    func testAConfirmationFromAPreviewPerformsOnlyOnConfirm() throws {
        var s = consoleState(now: now)
        let action = ActionRequest.setSending(paused: true)
        let preview = ActionPreview(title: "Pause sending", lines: ["pause"], version: 0, method: nil)
        let c = ConfirmState(title: preview.title, lines: preview.lines, pending: PendingAction(request: action, shown: preview))
        _ = Update.apply(&s, .confirmReady(c), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [], "Cancel is the default")
        _ = Update.apply(&s, .confirmReady(c), now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.perform(PendingAction(request: action, shown: preview))])
        // A conflict closes the confirmation and says so; the screen reloads.
        XCTAssertEqual(Update.apply(&s, .actionFailed("refund RF1 changed since you opened it by bob"), now: now), [.loadOrders(.from(nil, keepSelection: nil))])
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.message, StatusMessage(kind: .error, text: "refund RF1 changed since you opened it by bob"))
    }

    /// The money-only refund's Reason read "required; why (required)": each order form's field hints say
    /// "required" at most once, and say something beyond it.
    func testOrderFormHintsSayRequiredOnce() throws {
        let d = try fx.detail(status: .issued)
        for key in ["O", "M", "N"] {
            var s = consoleState(now: now)
            detailView(&s, d)
            _ = Update.apply(&s, .key(.char(Character(key))), now: now)
            guard case .form(let f)? = s.overlay else { return XCTFail("\(key): no form: \(String(describing: s.message))") }
            for field in f.fields {
                XCTAssertLessThanOrEqual(field.hint.components(separatedBy: "required").count - 1, 1, "\(key) \(field.label): \(field.hint)")
            }
        }
    }

    /// A (approve) said "preparing…" and kept saying it beside the open confirmation: the message goes once the
    /// confirmation is there.
    func testPreparingGoesWhenTheConfirmationOpens() throws {
        var s = consoleState(now: now)
        try refundsView(&s, select: try fx.refundableRow())
        let effects = Update.apply(&s, .key(.char("A")), now: now)
        XCTAssertEqual(s.message?.text, ActionUpdate.preparing)
        guard case .prepareConfirm(let purpose, let values)? = effects.first else { return XCTFail("\(effects)") }
        let events = fx.effects().prepareConfirm(purpose, values)
        for e in events { _ = Update.apply(&s, e, now: now) }
        guard case .confirm? = s.overlay else { return XCTFail("no confirmation: \(events)") }
        XCTAssertNil(s.message, "nothing is being prepared any more")
    }
}
